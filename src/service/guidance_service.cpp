#include "service/guidance_service.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "core/london_time.hpp"
#include "core/media_type.hpp"
#include "domain/guidance/upload.hpp"
#include "service/audit_service.hpp"
#include "service/training_service.hpp"

namespace signs::service {
namespace {

constexpr int kLibraryPage = 200;

std::optional<core::Error> unless_keeper(const Actor& actor) {
    if (keeps_library(actor)) return std::nullopt;
    return core::Error::of(core::ErrorKind::Forbidden,
                           "Only training administrators can change the library");
}

core::Error not_found() {
    return core::Error::of(core::ErrorKind::NotFound, "There is no such resource");
}

bool readable(Reader reader, const store::ResourceRecord& r) {
    return !r.withdrawn && (reader == Reader::Staff || r.is_public);
}

}  // namespace

bool keeps_library(const Actor& actor) { return runs_training(actor); }

std::vector<store::ResourceRecord> GuidanceService::library(Reader reader,
                                                            store::ResourceFilter filter) {
    filter.public_only = reader == Reader::Public;
    auto lease = db_.lease();
    return store::resources::search(lease.sql(), filter, kLibraryPage);
}

std::string GuidanceService::stamp() {
    auto lease = db_.lease();
    return store::resources::stamp(lease.sql());
}

core::Result<store::ResourceRecord> GuidanceService::resource(Reader reader, std::int64_t id) {
    auto lease = db_.lease();
    auto found = store::resources::find(lease.sql(), id);
    if (!found || !readable(reader, *found)) return std::unexpected(not_found());
    return *found;
}

core::Result<ResourceFile> GuidanceService::file(Reader reader, std::int64_t id) {
    auto found = resource(reader, id);
    if (!found) return std::unexpected(found.error());
    if (!found->has_file())
        return core::fail(core::ErrorKind::NotFound, "This resource has no file");
    auto bytes = files_.read(found->file_sha256);
    if (!bytes) {
        // The database names a file the store cannot give back whole: lost, or changed on disk.
        spdlog::error(nlohmann::json{
            {"event", "resource-file-missing"}, {"resource", id}, {"sha256", found->file_sha256}}
                          .dump());
        return core::fail(core::ErrorKind::NotFound, "The file is missing");
    }
    return ResourceFile{found->file_name, found->file_type, std::move(*bytes)};
}

core::Result<void> GuidanceService::fill(store::ResourceRecord& record,
                                         const domain::ResourceForm& form,
                                         const std::optional<Upload>& upload) {
    std::optional<core::Result<domain::CheckedUpload>> checked_upload;
    if (upload)
        checked_upload = domain::check_upload("file", upload->name, upload->bytes.size(),
                                              core::media_type_of(upload->bytes), limit_);
    auto checked = domain::check_resource(form, record.has_file() || upload.has_value());
    if (!checked || (checked_upload && !*checked_upload)) {
        std::vector<core::FieldError> fields;
        if (!checked) fields = checked.error().fields;
        if (checked_upload && !*checked_upload)
            fields.push_back(checked_upload->error().fields.front());
        return std::unexpected(core::Error::invalid(fields));
    }
    if (checked_upload) {
        auto kept = files_.keep(upload->bytes);
        if (!kept) return std::unexpected(kept.error());
        const auto& info = domain::file_type_info((*checked_upload)->type);
        record.file_sha256 = *kept;
        record.file_name = (*checked_upload)->name;
        record.file_type = std::string{info.media_type};
        record.file_bytes = static_cast<std::int64_t>(upload->bytes.size());
    }
    record.title = checked->title;
    record.summary = checked->summary;
    record.kind = std::string{domain::resource_kind_code(checked->kind)};
    record.audiences = domain::joined_codes(checked->audiences);
    record.levels = domain::joined_codes(checked->levels);
    record.is_public = domain::is_public(checked->audiences);
    record.body = checked->body;
    return {};
}

core::Result<std::int64_t> GuidanceService::add(const Actor& actor,
                                                const domain::ResourceForm& form,
                                                const std::optional<Upload>& upload) {
    if (auto refused = unless_keeper(actor)) return std::unexpected(*refused);
    store::ResourceRecord record;
    if (auto filled = fill(record, form, upload); !filled) return std::unexpected(filled.error());
    record.updated_by = actor.user_id();
    record.updated_at = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    auto id = store::resources::insert(sql, record);
    record_audit(sql, clock_, actor,
                 {"resource-add", "resource", std::to_string(id), record.title});
    tx.commit();
    return id;
}

core::Result<void> GuidanceService::update(const Actor& actor, std::int64_t id, int version,
                                           const domain::ResourceForm& form,
                                           const std::optional<Upload>& upload) {
    if (auto refused = unless_keeper(actor)) return std::unexpected(*refused);
    auto record = resource(Reader::Staff, id);
    if (!record) return std::unexpected(record.error());
    if (auto filled = fill(*record, form, upload); !filled) return std::unexpected(filled.error());
    record->updated_by = actor.user_id();
    record->updated_at = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    if (!store::resources::update(sql, *record, version))
        return core::fail(core::ErrorKind::Stale,
                          "Someone else changed this resource while you were editing it. Your "
                          "changes were not saved: check the resource and make them again");
    record_audit(sql, clock_, actor,
                 {"resource-change", "resource", std::to_string(id), record->title});
    tx.commit();
    return {};
}

core::Result<void> GuidanceService::withdraw(const Actor& actor, std::int64_t id) {
    if (auto refused = unless_keeper(actor)) return std::unexpected(*refused);
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    auto found = store::resources::find(sql, id);
    if (!found || found->withdrawn) return std::unexpected(not_found());
    store::resources::withdraw(sql, id, core::to_storage(clock_.now()), actor.user_id());
    record_audit(sql, clock_, actor,
                 {"resource-withdraw", "resource", std::to_string(id), found->title});
    tx.commit();
    return {};
}

}  // namespace signs::service
