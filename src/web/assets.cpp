#include "web/assets.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/crypto.hpp"
#include "web/gzip.hpp"

namespace signs::web {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("missing asset " + path.string() +
                                 " (run scripts/install-deps to install the front-end packages)");
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string content_type_for(const fs::path& name) {
    auto ext = name.extension().string();
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".js" || ext == ".mjs") return "application/javascript; charset=utf-8";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".ico") return "image/x-icon";
    if (ext == ".json") return "application/json";
    return "application/octet-stream";
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (auto pos = text.find(from); pos != std::string::npos;
         pos = text.find(from, pos + to.size())) {
        text.replace(pos, from.size(), to);
    }
}

// GOV.UK's typeface is licensed for GOV.UK services only; without its @font-face rules the
// stylesheet falls back to Arial, as the Design System intends for other services.
void remove_font_faces(std::string& css) {
    for (auto start = css.find("@font-face"); start != std::string::npos;
         start = css.find("@font-face", start)) {
        auto end = css.find('}', start);
        if (end == std::string::npos) break;
        css.erase(start, end - start + 1);
    }
}

void remove_source_map_comment(std::string& text) {
    auto pos = text.rfind("//# sourceMappingURL=");
    if (pos == std::string::npos) pos = text.rfind("/*# sourceMappingURL=");
    if (pos != std::string::npos) text.erase(pos);
}

}  // namespace

Assets::Assets(const fs::path& resources) {
    const auto assets = resources / "assets";
    const auto govuk = assets / "node_modules/govuk-frontend/dist/govuk";
    const auto moj = assets / "node_modules/@ministryofjustice/frontend/moj";
    std::map<std::string, fs::path> sources = {
        {"govuk-frontend.min.css", govuk / "govuk-frontend.min.css"},
        {"govuk-frontend.min.js", govuk / "govuk-frontend.min.js"},
        {"moj-frontend.min.css", moj / "moj-frontend.min.css"},
        {"moj-frontend.min.js", moj / "moj-frontend.min.js"},
        {"signs.css", assets / "signs.css"},
        {"signs.js", assets / "signs.js"},
        {"signs-init.mjs", assets / "signs-init.mjs"},
        {"signs-stay.mjs", assets / "signs-stay.mjs"},
        {"signs-plain.mjs", assets / "signs-plain.mjs"},
    };
    for (const auto& folder : {govuk / "assets/images", moj / "assets/images"}) {
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(folder, ec)) {
            if (entry.is_regular_file()) {
                sources.emplace("images/" + entry.path().filename().string(), entry.path());
            }
        }
    }
    std::string all;
    for (const auto& [name, path] : sources) {
        File file{content_type_for(path), read_file(path), nullptr};
        all += name + '\0' + file.body;
        files_.emplace(name, std::move(file));
    }
    version_ = core::sha256_hex(all).substr(0, 12);
    const std::string prefix = "/assets/" + version_ + "/";
    for (auto& [name, file] : files_) {
        if (name.ends_with(".css")) {
            remove_font_faces(file.body);
            replace_all(file.body, "url(/assets/", "url(" + prefix);
        }
        if (name.ends_with(".css") || name.ends_with(".js") || name.ends_with(".mjs")) {
            remove_source_map_comment(file.body);
        }
        if (is_compressible(file.content_type)) {
            file.gzip = std::make_shared<const std::string>(gzip_compress(file.body));
        }
    }
}

std::string Assets::url(std::string_view name) const {
    return "/assets/" + version_ + "/" + std::string{name};
}

std::optional<Response> Assets::serve(std::string_view path) const {
    auto slash = path.find('/');
    if (slash == std::string_view::npos || path.substr(0, slash) != version_) return std::nullopt;
    auto it = files_.find(path.substr(slash + 1));
    if (it == files_.end()) return std::nullopt;
    Response response;
    response.body = it->second.body;
    response.gzip_body = it->second.gzip;
    response.set_header("Content-Type", it->second.content_type);
    response.set_header("Cache-Control", "public, max-age=31536000, immutable");
    return response;
}

}  // namespace signs::web
