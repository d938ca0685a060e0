#include "cli/check_language.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <utility>

#include "core/utf8.hpp"
#include "domain/language/language_check.hpp"
#include "service/data_files.hpp"
#include "web/language_json.hpp"

namespace signs::cli {
namespace {

/// A regular file's bytes mapped into memory, read in by the kernel in one go: a long text
/// is neither copied nor zeroed first, which took a sixth of the time on a 10 MB text.
class MappedFile {
  public:
    /// Nothing for what is not a regular file (a pipe, a device) or cannot be mapped.
    static std::optional<MappedFile> open(const std::string& path) {
        // Asked first, so a pipe is never opened here: closing it would lose what is in it.
        struct stat about {};
        if (::stat(path.c_str(), &about) != 0 || !S_ISREG(about.st_mode)) return std::nullopt;
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return std::nullopt;
        std::optional<MappedFile> out;
        if (::fstat(fd, &about) == 0 && S_ISREG(about.st_mode)) {
            auto size = static_cast<std::size_t>(about.st_size);
            if (size == 0) {
                out.emplace(nullptr, 0);
            } else if (void* at =
                           ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
                       at != MAP_FAILED) {
                out.emplace(at, size);
            }
        }
        ::close(fd);
        return out;
    }
    MappedFile(void* at, std::size_t size) : at_(at), size_(size) {}
    MappedFile(MappedFile&& other) noexcept
        : at_(std::exchange(other.at_, nullptr)), size_(std::exchange(other.size_, 0)) {}
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    MappedFile& operator=(MappedFile&&) = delete;
    ~MappedFile() {
        if (at_) ::munmap(at_, size_);
    }
    std::string_view text() const {
        return at_ ? std::string_view{static_cast<const char*>(at_), size_} : std::string_view{};
    }

  private:
    void* at_;
    std::size_t size_;
};

/// Everything left in a stream whose size is not known in advance (standard input, a pipe).
std::string rest_of(std::istream& in) {
    std::stringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

void print(const domain::Glossary& glossary, const domain::LanguageReport& report,
           std::string_view text) {
    for (const auto& f : report.findings) {
        auto advice = domain::advice_for(f, glossary, text);
        std::cout << f.line << ":" << f.column << "\t" << advice.words << "\t" << advice.suggestion
                  << " (" << advice.reason << ")\n";
    }
    const auto& r = report.readability;
    std::cout << "Readability: reading age " << r.reading_age << " (grade "
              << web::one_decimal(r.grade) << ", reading ease " << web::one_decimal(r.reading_ease)
              << "), " << r.words << " words in " << r.sentences << " sentences\n";
}

}  // namespace

int check_language(const Config& config, const CheckLanguageOptions& options,
                   const std::vector<domain::Term>& local_terms) {
    if (options.file.empty()) {
        std::cerr << "signs check-language: name a text file, or - for standard input\n";
        return 2;
    }
    std::error_code ignored;
    if (std::filesystem::is_directory(options.file, ignored)) {
        std::cerr << "signs: " << options.file << " is a folder: name a text file in it\n";
        return 1;
    }
    std::string read;
    auto mapped = options.file == "-" ? std::nullopt : MappedFile::open(options.file);
    if (options.file == "-") {
        read = rest_of(std::cin);
    } else if (!mapped) {
        std::ifstream in(options.file, std::ios::binary);
        if (!in) {
            std::cerr << "signs: cannot read " << options.file << "\n";
            return 1;
        }
        read = rest_of(in);  // a pipe or a device: no size to know in advance
    }
    std::string_view content = mapped ? mapped->text() : std::string_view{read};
    if (content.size() > domain::kMostCheckedBytes) {
        std::cerr << "signs: " << options.file << " is longer than the 4 GiB the checker reads\n";
        return 1;
    }
    if (!core::is_valid_utf8(content)) {
        std::cerr << "signs: " << (options.file == "-" ? "the input" : options.file)
                  << " is not UTF-8 text\n";
        return 1;
    }
    domain::Glossary glossary{
        domain::with_local_terms(service::load_glossary(config.resources).terms(), local_terms)};
    auto report = domain::check_language(glossary, content);
    if (options.json) {
        std::string out;
        web::write_language_json(out, glossary, report, content, stdout);
    } else {
        print(glossary, report, content);
    }
    return 0;
}

}  // namespace signs::cli
