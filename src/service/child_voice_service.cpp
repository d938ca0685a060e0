#include "service/child_voice_service.hpp"

#include <algorithm>

#include "core/london_time.hpp"
#include "core/media_type.hpp"
#include "domain/guidance/upload.hpp"
#include "service/audit_service.hpp"
#include "service/case_access.hpp"
#include "store/case_repository.hpp"

namespace signs::service {
namespace {

/// A child's drawing arrives as a photo or a scan; a Word document is not a drawing.
core::Result<domain::CheckedUpload> check_drawing(const Upload& upload, domain::UploadLimit limit) {
    auto detected = core::media_type_of(upload.bytes);
    auto type = domain::file_type_for(detected);
    // Too big, empty or misnamed is said as the library says it; any other type is not a
    // drawing, whatever the library would take.
    if (upload.bytes.empty() || upload.bytes.size() > limit.bytes() ||
        (type && *type != domain::FileType::Docx))
        return domain::check_upload("drawing", upload.name, upload.bytes.size(), detected, limit);
    return std::unexpected(core::Error::invalid(
        {{"drawing", "The drawing must be a photo or scan: PNG, JPEG, GIF, WebP or PDF"}}));
}

}  // namespace

core::Result<std::vector<store::ChildRecord>> ChildVoiceService::children(const Actor& actor,
                                                                          std::int64_t case_id) {
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto record = open_case_for(sql, actor, case_id, core::to_storage(clock_.now()));
    if (!record) return std::unexpected(record.error());
    return store::children::find_many(sql, store::cases::child_ids(sql, case_id));
}

core::Result<std::int64_t> ChildVoiceService::record(const Actor& actor, std::int64_t case_id,
                                                     const domain::ChildVoiceForm& form,
                                                     const std::optional<Upload>& drawing) {
    auto now = core::to_storage(clock_.now());
    std::vector<std::int64_t> child_ids;
    {
        auto lease = db_.lease();
        auto open = open_case_to_change(lease.sql(), actor, case_id, now);
        if (!open) return std::unexpected(open.error());
        child_ids = store::cases::child_ids(lease.sql(), case_id);
    }
    auto checked = domain::check_child_voice(form, child_ids, core::london_date(clock_.now()));
    std::optional<core::Result<domain::CheckedUpload>> checked_drawing;
    if (drawing) checked_drawing = check_drawing(*drawing, limit_);
    if (!checked || (checked_drawing && !*checked_drawing)) {
        std::vector<core::FieldError> fields;
        if (!checked) fields = checked.error().fields;
        if (checked_drawing && !*checked_drawing)
            fields.push_back(checked_drawing->error().fields.front());
        return std::unexpected(core::Error::invalid(fields));
    }
    store::child_voice::VoiceRecord record;
    record.case_id = case_id;
    record.child_id = checked->child_id;
    record.tool = std::string{checked->tool->code};
    record.held_on = checked->on.iso();
    record.helped_by = checked->helped_by;
    record.place = checked->place;
    record.parts = checked->parts;
    record.shared_with_family = checked->shared_with_family;
    record.shared_with_network = checked->shared_with_network;
    record.created_by = actor.user_id();
    record.created_at = now;
    if (checked_drawing) {
        auto kept = files_.keep(drawing->bytes);
        if (!kept) return std::unexpected(kept.error());
        record.drawing_sha256 = *kept;
        record.drawing_type =
            std::string{domain::file_type_info((*checked_drawing)->type).media_type};
        record.drawing_name = (*checked_drawing)->name;
    }
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    // Checked again inside the transaction: the case may have closed since.
    auto open = open_case_to_change(sql, actor, case_id, now);
    if (!open) return std::unexpected(open.error());
    auto id = store::child_voice::add(sql, record);
    record_audit(sql, clock_, actor,
                 {"child-voice-add", "child", std::to_string(record.child_id), record.tool});
    tx.commit();
    return id;
}

core::Result<ChildVoiceView> ChildVoiceService::view(const Actor& actor, std::int64_t id) {
    ChildVoiceView out;
    {
        auto lease = db_.lease();
        auto& sql = lease.sql();
        auto found = store::child_voice::find(sql, id);
        if (!found) return core::fail(core::ErrorKind::NotFound, "There is no such record");
        auto open = open_case_for(sql, actor, found->case_id, core::to_storage(clock_.now()));
        if (!open) return std::unexpected(open.error());
        out.record = std::move(*found);
        out.family_name = open->family_name;
        out.tool = domain::find_voice_tool(out.record.tool);
        auto child = store::children::find(sql, out.record.child_id);
        if (child) out.child_name = child->known_as();
    }
    auto mappings = mappings_.for_case(actor, out.record.case_id);
    if (!mappings) return std::unexpected(mappings.error());
    for (const auto& m : *mappings) {
        if (m.status != "agreed" && std::find(m.child_ids.begin(), m.child_ids.end(),
                                              out.record.child_id) != m.child_ids.end())
            out.open_mappings.push_back(m);
    }
    audit_.record_view(actor, {"view", "child-voice", std::to_string(id), ""});
    return out;
}

core::Result<VoiceDrawing> ChildVoiceService::drawing(const Actor& actor, std::int64_t id) {
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto found = store::child_voice::find(sql, id);
    if (!found || found->drawing_sha256.empty())
        return core::fail(core::ErrorKind::NotFound, "There is no drawing");
    auto open = open_case_for(sql, actor, found->case_id, core::to_storage(clock_.now()));
    if (!open) return std::unexpected(open.error());
    auto bytes = files_.read(found->drawing_sha256);
    if (!bytes) return core::fail(core::ErrorKind::NotFound, "The drawing is missing");
    return VoiceDrawing{found->drawing_name, found->drawing_type, std::move(*bytes)};
}

core::Result<int> ChildVoiceService::add_to_mapping(const Actor& actor, std::int64_t id,
                                                    std::int64_t mapping_id) {
    auto shown = view(actor, id);
    if (!shown) return std::unexpected(shown.error());
    if (!shown->record.may_go_into_mapping())
        return core::fail(core::ErrorKind::Conflict,
                          shown->child_name +
                              " did not agree for these words to be shared with both their "
                              "family and their network, so they cannot go into a mapping");
    if (std::none_of(shown->open_mappings.begin(), shown->open_mappings.end(),
                     [&](const auto& m) { return m.id == mapping_id; }))
        return std::unexpected(core::Error::invalid(
            {{"mapping", "Select a mapping of this case about " + shown->child_name +
                             " that has not been agreed yet"}}));
    auto mapping = mappings_.view(actor, mapping_id);
    if (!mapping) return std::unexpected(mapping.error());
    // The child speaks for themself: found among the participants, or added as one.
    std::optional<std::int64_t> speaker;
    for (const auto& p : mapping->participants) {
        if (p.kind == "child" && p.name == shown->child_name) speaker = p.id;
    }
    if (!speaker) {
        auto added = mappings_.add_participant(actor, mapping_id,
                                               {shown->child_name, "child", "separately", ""});
        if (!added) return std::unexpected(added.error());
        speaker = *added;
    }
    int count = 0;
    for (const auto& part : shown->tool->parts) {
        auto words = shown->record.parts.find(std::string{part.code});
        if (part.category.empty() || words == shown->record.parts.end() || words->second.empty())
            continue;
        auto added = mappings_.add_entry(
            actor, mapping_id,
            {std::string{part.category}, std::string{part.name} + ": " + words->second,
             std::to_string(*speaker), "", ""});
        if (!added) return std::unexpected(added.error());
        ++count;
    }
    return count;
}

}  // namespace signs::service
