#include "domain/guidance/upload.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

const UploadLimit kDefault{};

std::string refusal(std::string_view name, std::size_t size, std::string_view detected,
                    UploadLimit limit = kDefault) {
    auto checked = check_upload("file", name, size, detected, limit);
    return checked ? "" : checked.error().message_for("file");
}

TEST(Upload, EachAcceptedTypeIsTakenUnderItsOwnName) {
    for (const auto& info : accepted_file_types()) {
        auto checked = check_upload("file", "leaflet." + std::string{info.extension}, 100,
                                    info.media_type, kDefault);
        ASSERT_TRUE(checked) << info.label;
        EXPECT_EQ(checked->type, info.type);
        EXPECT_EQ(checked->name, "leaflet." + std::string{info.extension});
    }
    EXPECT_TRUE(check_upload("file", "photo.JPEG", 100, "image/jpeg", kDefault));
}

TEST(Upload, TheContentDecidesNotTheName) {
    EXPECT_EQ(refusal("report.pdf", 100, "image/png"),
              "The file's name ends in .pdf but the file is a PNG image. Choose the right file, or "
              "rename it");
    EXPECT_EQ(refusal("notes.docx", 100, "application/pdf"),
              "The file's name ends in .docx but the file is a PDF. Choose the right file, or "
              "rename it");
    EXPECT_EQ(refusal("report.pdf", 100, "text/html"),
              "The file must be a PDF, a Word document (.docx) or an image (PNG, JPEG, GIF or "
              "WebP)");
    EXPECT_FALSE(refusal("drawing.svg", 100, "image/svg+xml").empty());
    EXPECT_FALSE(refusal("setup.exe", 100, "application/octet-stream").empty());
}

TEST(Upload, ANameWithoutAnExtensionGetsTheRightOne) {
    auto checked = check_upload("file", "scan", 100, "image/png", kDefault);
    ASSERT_TRUE(checked);
    EXPECT_EQ(checked->name, "scan.png");
}

TEST(Upload, EmptyAndOversizedFilesAreRefused) {
    EXPECT_EQ(refusal("a.pdf", 0, "application/x-empty"), "The chosen file is empty");
    EXPECT_EQ(kDefault.mib, 20u);
    EXPECT_EQ(refusal("a.pdf", kDefault.bytes() + 1, "application/pdf"),
              "The file must be smaller than 20 MB");
    EXPECT_EQ(refusal("a.pdf", kDefault.bytes(), "application/pdf"), "");
    EXPECT_EQ(refusal("a.pdf", 100 * 1024 * 1024, "application/pdf"),
              "The file must be smaller than 20 MB");
}

// A council that sets --max-upload-mib gets its own limit, and the message says it.
TEST(Upload, TheCouncilsOwnLimitIsKeptAndNamed) {
    UploadLimit five{5};
    EXPECT_EQ(five.bytes(), 5u * 1024 * 1024);
    EXPECT_EQ(refusal("a.pdf", five.bytes(), "application/pdf", five), "");
    EXPECT_EQ(refusal("a.pdf", five.bytes() + 1, "application/pdf", five),
              "The file must be smaller than 5 MB");
    UploadLimit large{100};
    EXPECT_EQ(refusal("a.pdf", 50 * 1024 * 1024, "application/pdf", large), "");
    EXPECT_EQ(too_large_message(large), "The file must be smaller than 100 MB");
}

TEST(Upload, NamesLoseTheirPathsAndAnythingUnsafe) {
    EXPECT_EQ(safe_file_name("../../../etc/passwd", "file"), "passwd");
    EXPECT_EQ(safe_file_name("C:\\Users\\sam\\Documents\\plan.pdf", "file"), "plan.pdf");
    EXPECT_EQ(safe_file_name("..", "file.pdf"), "file.pdf");
    EXPECT_EQ(safe_file_name(".hidden.pdf", "file"), "hidden.pdf");
    EXPECT_EQ(safe_file_name("a\"b\r\nc<script>.pdf", "file"), "abcscript.pdf");
    EXPECT_EQ(safe_file_name("", "file.pdf"), "file.pdf");
    EXPECT_EQ(safe_file_name("bad\xff\xfe.pdf", "file.pdf"), "file.pdf");
    EXPECT_EQ(safe_file_name("Møde – plan ✓.pdf", "file"), "Møde – plan ✓.pdf");
    auto long_name = safe_file_name(std::string(300, 'x') + ".pdf", "file");
    EXPECT_EQ(long_name, std::string(116, 'x') + ".pdf");
}

TEST(Upload, TraversalInANameEndsAsAPlainName) {
    auto checked = check_upload("file", "../../srv/www/evil.pdf", 100, "application/pdf", kDefault);
    ASSERT_TRUE(checked);
    EXPECT_EQ(checked->name, "evil.pdf");
}

}  // namespace
}  // namespace signs::domain
