// The demo library: a few fictional guidance pages from data/guidance, so a newcomer sees
// the library working. Real councils add their own documents through the library's pages.
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/london_time.hpp"
#include "service/audit_service.hpp"
#include "service/guidance_service.hpp"

namespace signs::service {
namespace {

struct DemoResource {
    const char* file;
    domain::ResourceKind kind;
    std::set<domain::ServiceLevel> levels;
};

}  // namespace

void load_demo_guidance(store::Database& db, const core::Clock& clock,
                        const std::filesystem::path& folder) {
    using domain::ResourceKind;
    using domain::ServiceLevel;
    const std::vector<DemoResource> demo = {
        {"writing-danger-statements.md",
         ResourceKind::Guidance,
         {ServiceLevel::ChildInNeed, ServiceLevel::ChildProtection}},
        {"three-houses.md", ResourceKind::Tool, {}},
        {"newsletter-spring.md", ResourceKind::Newsletter, {}},
    };
    auto lease = db.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    for (const auto& item : demo) {
        std::ifstream in(folder / item.file);
        if (!in) throw std::runtime_error("cannot read " + (folder / item.file).string());
        std::stringstream text;
        text << in.rdbuf();
        auto page = domain::split_title(text.str());
        store::ResourceRecord record;
        record.title = page.title;
        record.summary = page.summary;
        record.kind = std::string{domain::resource_kind_code(item.kind)};
        record.audiences = domain::joined_codes(std::set{domain::Audience::Staff});
        record.levels = domain::joined_codes(item.levels);
        record.body = page.details;  // the summary is shown above it
        record.is_demo = true;
        record.updated_at = core::to_storage(clock.now());
        store::resources::insert(sql, record);
    }
    record_audit(sql, clock, Actor::system("demo-data"),
                 {"demo-data-load", "", "", "fictional guidance pages"});
    tx.commit();
}

}  // namespace signs::service
