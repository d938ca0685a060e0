#pragma once
/// A family document as a PDF: A4, large clear type, and on every page the children's first
/// names, the document's date and "Page N of M". Text is laid out by Pango, so other scripts
/// and emoji come out as written (from the fonts installed: DejaVu, Symbola for emoji, and
/// Droid Sans Fallback for Chinese, Japanese and Korean).
#include <string>

#include "domain/documents/family_document.hpp"

namespace signs::web {

std::string family_document_pdf(const domain::FamilyDocument& document);

}  // namespace signs::web
