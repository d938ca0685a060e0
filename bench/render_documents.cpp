// Times "Our plan" for a large case: putting the document together from its parts, and
// drawing it as an A4 PDF. The ceiling, timed in the same run, writes the same words into a
// PDF with cairo's plain text calls: no shaping, no wrapping, no fallback fonts. Prints the
// time per document for each and their ratio; it never fails because of the numbers.
//   signs_render_documents [--goals N] [--runs N]
#include <cairo-pdf.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <string>

#include "domain/documents/our_plan.hpp"
#include "service/data_files.hpp"
#include "web/family_pdf.hpp"

namespace {

using namespace signs;
using Clock = std::chrono::steady_clock;

domain::OurPlanInput large_case(int goals) {
    domain::OurPlanInput in;
    in.variant = domain::PracticeVariant::Safety;
    in.wording = domain::default_wording(in.variant);
    in.children = {"Zoë", "Leo", "Sam", "Ella"};
    in.mapped_on = "2026-11-20";
    in.plan_agreed = true;
    in.plan_agreed_on = "2026-11-26";
    for (int i = 0; i < goals; ++i) {
        auto n = std::to_string(i + 1);
        in.worries.push_back("Worry " + n +
                             ": the social worker and Gran are worried that the children could "
                             "be left alone at night when Mum has been drinking, and contact "
                             "with Dad 👨 has stopped; Łukasz says “dziękuję” to the core group.");
        in.working_well.push_back("Strength " + n +
                                  ": Gran Pat visits every day and the children say she makes "
                                  "them feel safe 🏠; their school says they arrive on time.");
        domain::OurPlanGoal goal{"Goal " + n +
                                     ": an adult the family trusts is with the children every "
                                     "night, and everyone knows who to ring if they are worried.",
                                 {}};
        for (int a = 0; a < 5; ++a) {
            goal.actions.push_back({"Step " + std::to_string(a + 1) +
                                        ": Gran Pat stays over on Tuesdays and Thursdays, and "
                                        "the childminder covers Fridays until Mum is home.",
                                    "Gran Pat", "2026-12-0" + std::to_string(a + 1),
                                    "The children tell their teacher each Monday who was "
                                    "with them, and Gran rings the social worker."});
        }
        in.goals.push_back(std::move(goal));
        in.scores.push_back({"Person " + n, i % 11, "Gran is close by and rings every evening",
                             "A childminder on Fridays and Mum at the group"});
    }
    return in;
}

/// The same words, written line by line with cairo's toy text calls.
std::string plain_pdf(const std::string& text) {
    std::string out;
    auto append = [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    };
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &out, 595.276, 841.89);
    cairo_t* cr = cairo_create(surface);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 12);
    double y = 62;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        // About the number of characters of a 12-point line on A4.
        for (std::size_t at = start; at < end; at += 70) {
            auto piece = text.substr(at, std::min<std::size_t>(70, end - at));
            cairo_move_to(cr, 62, y);
            cairo_show_text(cr, piece.c_str());
            y += 16;
            if (y > 760) {
                cairo_show_page(cr);
                y = 62;
            }
        }
        start = end + 1;
    }
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    return out;
}

template <class F>
double seconds_per_run(int runs, F&& f) {
    auto start = Clock::now();
    for (int i = 0; i < runs; ++i) f();
    return std::chrono::duration<double>(Clock::now() - start).count() / runs;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times Our plan for a large case"};
    int goals = 30, runs = 10;
    app.add_option("--goals", goals, "Goals (each with a worry, a strength, 5 steps, a number)");
    app.add_option("--runs", runs, "Documents drawn for each timing");
    CLI11_PARSE(app, argc, argv);

    auto glossary = service::load_glossary(SIGNS_RESOURCES_DIR);
    auto input = large_case(goals);
    domain::FamilyDocument doc;
    double assemble = seconds_per_run(runs, [&] { doc = domain::our_plan(input, glossary); });
    std::string pdf;
    web::family_document_pdf(doc);  // fonts are found and cached once per process
    double drawn = seconds_per_run(runs, [&] { pdf = web::family_document_pdf(doc); });
    auto text = doc.plain_text();
    std::string ceiling_pdf;
    double ceiling = seconds_per_run(runs, [&] { ceiling_pdf = plain_pdf(text); });
    std::printf("Our plan with %d goals (%zu KB of words, %zu sections): put together in %.1f ms\n",
                goals, text.size() / 1024, doc.sections.size(), assemble * 1000);
    std::printf("PDF: signs %.1f ms (%zu KB), plain cairo text %.1f ms (%zu KB), ratio %.2f\n",
                drawn * 1000, pdf.size() / 1024, ceiling * 1000, ceiling_pdf.size() / 1024,
                ceiling / drawn);
    return 0;
}
