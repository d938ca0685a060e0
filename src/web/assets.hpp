#pragma once
/// Static files: our own CSS and JS plus GOV.UK Frontend and MOJ Frontend from their npm
/// packages. All are read into memory at start-up and served under /assets/VERSION/, where
/// VERSION is a hash of every file, so browsers may cache them for a year and a new release
/// is fetched at once.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "web/http.hpp"

namespace signs::web {

class Assets {
  public:
    /// `resources` holds assets/ (with node_modules/ installed). Throws if a required file
    /// is missing, naming it and the command that installs it.
    explicit Assets(const std::filesystem::path& resources);

    const std::string& version() const { return version_; }
    /// "/assets/VERSION/NAME"
    std::string url(std::string_view name) const;
    /// The response for a path below /assets/, or nothing if there is no such file.
    std::optional<Response> serve(std::string_view path_after_assets) const;
    std::size_t count() const { return files_.size(); }

  private:
    struct File {
        std::string content_type;
        std::string body;
        std::shared_ptr<const std::string> gzip;
    };
    std::map<std::string, File, std::less<>> files_;
    std::string version_;
};

}  // namespace signs::web
