#pragma once
/// The guidance library. Signed-in staff read every resource still offered; anyone else,
/// signed in or not, reads those written for partners or families. Training administrators
/// (and system administrators) add, change and withdraw resources. Uploads are judged by
/// their bytes, not by the name or type sent, and kept in the FileStore.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/guidance/resource.hpp"
#include "domain/guidance/upload.hpp"
#include "service/actor.hpp"
#include "service/file_store.hpp"
#include "store/database.hpp"
#include "store/guidance_repository.hpp"

namespace signs::service {

/// Who looks after the library: the people who run training (training and system
/// administrators), who already run the courses the library supports.
bool keeps_library(const Actor& actor);

/// A file as someone sent it.
struct Upload {
    std::string name;  ///< as the browser gave it; never used as a path
    std::string bytes;
};

/// A resource's file, ready to send.
struct ResourceFile {
    std::string name, media_type, bytes;
};

/// Who is reading: staff see the whole library, everyone else its public part.
enum class Reader { Staff, Public };

class GuidanceService {
  public:
    GuidanceService(store::Database& db, const core::Clock& clock, FileStore& files,
                    domain::UploadLimit limit)
        : db_(db), clock_(clock), files_(files), limit_(limit) {}

    /// At most 200 resources, newest first.
    std::vector<store::ResourceRecord> library(Reader reader, store::ResourceFilter filter);
    core::Result<store::ResourceRecord> resource(Reader reader, std::int64_t id);
    /// Names the state of the whole library, for the pages kept ready-drawn.
    std::string stamp();
    core::Result<ResourceFile> file(Reader reader, std::int64_t id);

    core::Result<std::int64_t> add(const Actor& actor, const domain::ResourceForm& form,
                                   const std::optional<Upload>& upload);
    /// A new upload replaces the file; without one, the file is kept.
    core::Result<void> update(const Actor& actor, std::int64_t id, int version,
                              const domain::ResourceForm& form,
                              const std::optional<Upload>& upload);
    core::Result<void> withdraw(const Actor& actor, std::int64_t id);

  private:
    /// Checks the form and any upload together, keeps the file, and fills in `record`.
    core::Result<void> fill(store::ResourceRecord& record, const domain::ResourceForm& form,
                            const std::optional<Upload>& upload);

    store::Database& db_;
    const core::Clock& clock_;
    FileStore& files_;
    domain::UploadLimit limit_;
};

/// Adds the guidance pages in `folder` (Markdown, titled by their first heading) as demo
/// resources for staff, each at every level.
void load_demo_guidance(store::Database& db, const core::Clock& clock,
                        const std::filesystem::path& folder);

}  // namespace signs::service
