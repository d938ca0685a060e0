// multipart/form-data, the encoding of forms that carry a file, read with RESTinio's parsers
// for the body and its Content-Type and Content-Disposition fields.
#include <restinio/helpers/http_field_parsers/content-disposition.hpp>
#include <restinio/helpers/http_field_parsers/content-type.hpp>
#include <restinio/helpers/multipart_body.hpp>

#include "core/utf8.hpp"
#include "web/form.hpp"

namespace signs::web {

std::optional<Form> Form::parse_multipart(std::string_view body, std::string_view content_type) {
    namespace hfp = restinio::http_field_parsers;
    namespace mp = restinio::multipart_body;
    auto type = hfp::content_type_value_t::try_parse(content_type);
    if (!type || type->media_type.type != "multipart" || type->media_type.subtype != "form-data")
        return std::nullopt;
    auto boundary = hfp::find_first(type->media_type.parameters, "boundary");
    if (!boundary || mp::check_boundary_value(*boundary)) return std::nullopt;

    Form form;
    auto parts = mp::split_multipart_body(body, "--" + std::string{*boundary});
    if (parts.empty()) return std::nullopt;
    for (auto part : parts) {
        auto parsed = mp::try_parse_part(part);
        if (!parsed) return std::nullopt;
        auto disposition_field =
            parsed->fields.opt_value_of(restinio::http_field::content_disposition);
        if (!disposition_field) return std::nullopt;
        auto disposition = hfp::content_disposition_value_t::try_parse(*disposition_field);
        if (!disposition || disposition->value != "form-data") return std::nullopt;
        auto name = hfp::find_first(disposition->parameters, "name");
        if (!name || !core::is_valid_utf8(*name)) return std::nullopt;
        auto filename = hfp::find_first(disposition->parameters, "filename");
        std::string value{parsed->body.data(), parsed->body.size()};
        if (filename) {
            if (!core::is_valid_utf8(*filename)) return std::nullopt;
            // An empty file input is still sent, with no name and no bytes.
            if (filename->empty() && value.empty()) continue;
            form.files_.insert_or_assign(std::string{*name},
                                         FormFile{std::string{*filename}, std::move(value)});
            continue;
        }
        if (!core::is_valid_utf8(value)) return std::nullopt;
        form.values_.emplace(std::string{*name}, std::move(value));
    }
    return form;
}

}  // namespace signs::web
