#include "web/family_pdf.hpp"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <memory>
#include <stdexcept>
#include <vector>

#include "core/civil_date.hpp"

namespace signs::web {
namespace {

// A4 in points, with margins wide enough for a hole punch.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 62;
constexpr double kFooterGap = 36;
constexpr double kBodyWidth = kPageWidth - 2 * kMargin;
constexpr double kBottom = kPageHeight - kMargin - kFooterGap;
constexpr double kBulletIndent = 20;
// Symbola draws emoji as outlines, so they keep their text in the PDF (a colour emoji font
// becomes a picture that copy and paste, search and screen readers cannot read); Droid Sans
// Fallback covers Chinese, Japanese and Korean.
const std::string kFamily = "DejaVu Sans,Symbola,Droid Sans Fallback";

/// The system's fonts without colour ones. Pango picks a colour emoji font first when one is
/// installed, and cairo draws its glyphs as pictures with no text behind them.
FcConfig* fonts_without_colour() {
    static FcConfig* config = [] {
        static constexpr const char* kRejectColour =
            R"(<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>)"
            R"(<selectfont><rejectfont><pattern><patelt name="color"><bool>true</bool></patelt>)"
            R"(</pattern></rejectfont></selectfont></fontconfig>)";
        FcConfig* c = FcInitLoadConfig();
        FcConfigParseAndLoadFromMemory(c, reinterpret_cast<const FcChar8*>(kRejectColour), FcTrue);
        FcConfigBuildFonts(c);
        return c;
    }();
    return config;
}

/// A font map for this thread: Pango's font maps are not safe to share between threads.
PangoFontMap* font_map() {
    thread_local PangoFontMap* map = [] {
        PangoFontMap* m = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
        pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(m), fonts_without_colour());
        return m;
    }();
    return map;
}

struct Placed {
    std::shared_ptr<PangoLayout> layout;
    double x = 0, y = 0;
    bool bullet = false;
};

class Writer {
  public:
    explicit Writer(cairo_t* cr) : context_(pango_font_map_create_context(font_map())) {
        pango_cairo_update_context(cr, context_);
    }
    ~Writer() { g_object_unref(context_); }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    /// A layout of `text` in `font`; the first `bold_bytes` bytes in bold.
    std::shared_ptr<PangoLayout> layout(const std::string& text, const std::string& font,
                                        double width, std::size_t bold_bytes = 0) {
        PangoLayout* l = pango_layout_new(context_);
        pango_layout_set_text(l, text.data(), static_cast<int>(text.size()));
        PangoFontDescription* description = pango_font_description_from_string(font.c_str());
        pango_layout_set_font_description(l, description);
        pango_font_description_free(description);
        pango_layout_set_width(l, pango_units_from_double(width));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
        if (bold_bytes > 0) {
            // An attribute, not markup, so nothing a family or worker typed is ever parsed.
            PangoAttrList* attributes = pango_attr_list_new();
            PangoAttribute* bold = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
            bold->start_index = 0;
            bold->end_index = static_cast<guint>(bold_bytes);
            pango_attr_list_insert(attributes, bold);
            pango_layout_set_attributes(l, attributes);
            pango_attr_list_unref(attributes);
        }
        return {l, [](PangoLayout* p) { g_object_unref(p); }};
    }

    static double height(PangoLayout* l) {
        int w = 0, h = 0;
        pango_layout_get_size(l, &w, &h);
        return pango_units_to_double(h);
    }

  private:
    PangoContext* context_;
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string family_document_pdf(const domain::FamilyDocument& document) {
    std::string out;
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(append, &out, kPageWidth, kPageHeight);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                   (document.title + ": " + document.for_whom).c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "signs");
    cairo_t* cr = cairo_create(surface);
    {
        Writer writer{cr};
        std::vector<std::vector<Placed>> pages(1);
        double y = kMargin;
        // Places a layout, starting a new page when it would run into the footer. `keep`
        // is room wanted below it too, so a heading never ends a page alone.
        auto place = [&](std::shared_ptr<PangoLayout> l, double x, double before, double keep,
                         bool bullet = false) {
            double h = Writer::height(l.get());
            if (y > kMargin) y += before;
            if (y + h + keep > kBottom && y > kMargin) {
                pages.emplace_back();
                y = kMargin;
            }
            pages.back().push_back({l, x, y, bullet});
            y += h;
        };

        place(writer.layout(document.title, kFamily + " Bold 24", kBodyWidth), kMargin, 0, 0);
        place(writer.layout("For " + document.for_whom, kFamily + " 14", kBodyWidth), kMargin, 6,
              0);
        for (const auto& section : document.sections) {
            place(writer.layout(section.heading, kFamily + " Bold 17", kBodyWidth), kMargin, 22,
                  40);
            for (const auto& block : section.blocks) {
                using Kind = domain::DocumentBlock::Kind;
                switch (block.kind) {
                    case Kind::Subheading:
                        place(writer.layout(block.text, kFamily + " Bold 13", kBodyWidth), kMargin,
                              12, 30);
                        break;
                    case Kind::Paragraph:
                        place(writer.layout(block.text, kFamily + " 12", kBodyWidth), kMargin, 8,
                              0);
                        break;
                    case Kind::Bullet:
                        place(
                            writer.layout(block.text, kFamily + " 12", kBodyWidth - kBulletIndent),
                            kMargin + kBulletIndent, 8, 0, true);
                        break;
                    case Kind::Detail: {
                        auto text = block.label + ": " + block.text;
                        place(writer.layout(text, kFamily + " 12", kBodyWidth - kBulletIndent,
                                            block.label.size() + 1),
                              kMargin + kBulletIndent, 3, 0);
                        break;
                    }
                }
            }
        }
        auto dated = core::CivilDate::parse_iso(document.dated);
        std::string footer_left =
            document.for_whom + (dated ? " · " + dated->long_text() : std::string{});
        for (std::size_t i = 0; i < pages.size(); ++i) {
            cairo_set_source_rgb(cr, 0.04, 0.05, 0.05);
            for (const auto& placed : pages[i]) {
                if (placed.bullet) {
                    cairo_arc(cr, placed.x - 11, placed.y + 9, 2.6, 0, 2 * G_PI);
                    cairo_fill(cr);
                }
                cairo_move_to(cr, placed.x, placed.y);
                pango_cairo_show_layout(cr, placed.layout.get());
            }
            double footer_y = kPageHeight - kMargin;
            cairo_set_source_rgb(cr, 0.69, 0.71, 0.72);
            cairo_set_line_width(cr, 0.75);
            cairo_move_to(cr, kMargin, footer_y - 8);
            cairo_line_to(cr, kPageWidth - kMargin, footer_y - 8);
            cairo_stroke(cr);
            cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
            auto left = writer.layout(footer_left, kFamily + " 10", kBodyWidth * 0.7);
            cairo_move_to(cr, kMargin, footer_y);
            pango_cairo_show_layout(cr, left.get());
            auto right = writer.layout(
                "Page " + std::to_string(i + 1) + " of " + std::to_string(pages.size()),
                kFamily + " 10", kBodyWidth * 0.3);
            pango_layout_set_alignment(right.get(), PANGO_ALIGN_RIGHT);
            cairo_move_to(cr, kMargin + kBodyWidth * 0.7, footer_y);
            pango_cairo_show_layout(cr, right.get());
            cairo_show_page(cr);
        }
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    auto status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string{"the PDF could not be written: "} +
                                 cairo_status_to_string(status));
    return out;
}

}  // namespace signs::web
