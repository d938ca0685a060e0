#include "core/media_type.hpp"

#include <gtest/gtest.h>

#include "support/sample_files.hpp"

namespace signs::core {
namespace {

namespace samples = testing::samples;

TEST(MediaType, FilesAreKnownByTheirBytes) {
    EXPECT_EQ(media_type_of(samples::pdf()), "application/pdf");
    EXPECT_EQ(media_type_of(samples::png()), "image/png");
    EXPECT_EQ(media_type_of(samples::jpeg()), "image/jpeg");
    EXPECT_EQ(media_type_of(samples::docx()),
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
}

TEST(MediaType, WhatTheFileSaysOfItselfElsewhereIsIgnored) {
    EXPECT_EQ(media_type_of("<html><script>alert(1)</script>"), "text/html");
    EXPECT_EQ(media_type_of("Hello, this is plain text.\n"), "text/plain");
    EXPECT_EQ(media_type_of(""), "application/octet-stream");
}

}  // namespace
}  // namespace signs::core
