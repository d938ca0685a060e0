#pragma once
// The smallest files of each kind the library takes, as real headers make them, so tests judge
// uploads by content the way the service does. The Word document is a real (tiny) one kept in
// tests/fixtures, since a zip is more than a few literal bytes.
#include <fstream>
#include <sstream>
#include <string>

namespace signs::testing::samples {

inline std::string pdf() { return "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"; }

inline std::string png() {
    return std::string{
        "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
        "\x00\x00\x00\x90wS\xde",
        33};
}

inline std::string jpeg() {
    return std::string{"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 20};
}

inline std::string docx() {
    std::ifstream in(std::string{SIGNS_RESOURCES_DIR} + "/tests/fixtures/sample.docx",
                     std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace signs::testing::samples
