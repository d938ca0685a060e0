#pragma once
/// The child's own words from Three Houses, Wizards and Fairies and the Safety House: kept
/// with their drawing, shown back, and carried into a mapping as entries said by the child.
/// Anyone who may open the case may read them; records are added while the case is open.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/child_voice/child_voice.hpp"
#include "service/actor.hpp"
#include "service/audit_writer.hpp"
#include "service/file_store.hpp"
#include "service/guidance_service.hpp"
#include "service/mapping_service.hpp"
#include "store/child_repository.hpp"
#include "store/child_voice_repository.hpp"
#include "store/database.hpp"

namespace signs::service {

struct ChildVoiceView {
    store::child_voice::VoiceRecord record;
    const domain::VoiceTool* tool = nullptr;
    std::string child_name;  ///< the name the child goes by
    std::string family_name;
    /// Draft mappings of the case about this child, which the words can go into.
    std::vector<store::MappingRecord> open_mappings;
};

/// A drawing, ready to send.
struct VoiceDrawing {
    std::string name, media_type, bytes;
};

class ChildVoiceService {
  public:
    ChildVoiceService(store::Database& db, const core::Clock& clock, AuditWriter& audit,
                      FileStore& files, MappingService& mappings, domain::UploadLimit limit)
        : db_(db),
          clock_(clock),
          audit_(audit),
          files_(files),
          mappings_(mappings),
          limit_(limit) {}

    /// The case's children, for the form.
    core::Result<std::vector<store::ChildRecord>> children(const Actor& actor,
                                                           std::int64_t case_id);
    /// Keeps the record; `drawing` must be a picture (PNG, JPEG, GIF, WebP) or a PDF scan.
    core::Result<std::int64_t> record(const Actor& actor, std::int64_t case_id,
                                      const domain::ChildVoiceForm& form,
                                      const std::optional<Upload>& drawing);
    core::Result<ChildVoiceView> view(const Actor& actor, std::int64_t id);
    core::Result<VoiceDrawing> drawing(const Actor& actor, std::int64_t id);
    /// Adds each part's words to a draft mapping of the case as an entry said by the child,
    /// adding the child as a participant first when they are not one. Returns how many
    /// entries were added.
    core::Result<int> add_to_mapping(const Actor& actor, std::int64_t id, std::int64_t mapping_id);

  private:
    store::Database& db_;
    const core::Clock& clock_;
    AuditWriter& audit_;
    FileStore& files_;
    MappingService& mappings_;
    domain::UploadLimit limit_;
};

}  // namespace signs::service
