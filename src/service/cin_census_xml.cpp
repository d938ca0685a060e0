// The census as the DfE's XML, written with libxml2's xmlTextWriter so that escaping and
// well-formedness are the library's, never string joining of our own.
#include <libxml/xmlwriter.h>

#include <memory>
#include <stdexcept>

#include "service/cin_census.hpp"

namespace signs::service {
namespace {

int write_to_stream(void* context, const char* buffer, int length) {
    auto* out = static_cast<std::ostream*>(context);
    out->write(buffer, length);
    return *out ? length : -1;
}

int close_stream(void* context) {
    static_cast<std::ostream*>(context)->flush();
    return 0;
}

/// One element at a time, failing loudly: a half-written return must never look whole.
class Writer {
  public:
    explicit Writer(std::ostream& out) {
        auto* buffer = xmlOutputBufferCreateIO(write_to_stream, close_stream, &out, nullptr);
        if (!buffer) throw std::runtime_error("cannot start the XML output");
        writer_ = xmlNewTextWriter(buffer);
        if (!writer_) throw std::runtime_error("cannot start the XML writer");
        xmlTextWriterSetIndent(writer_, 1);
        xmlTextWriterSetIndentString(writer_, BAD_CAST "  ");
        check(xmlTextWriterStartDocument(writer_, "1.0", "UTF-8", nullptr));
    }
    ~Writer() { xmlFreeTextWriter(writer_); }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    void open(const char* name) { check(xmlTextWriterStartElement(writer_, BAD_CAST name)); }
    void close() { check(xmlTextWriterEndElement(writer_)); }
    void text(const char* name, const std::string& value) {
        check(xmlTextWriterWriteElement(writer_, BAD_CAST name, BAD_CAST value.c_str()));
    }
    /// Leaves out an item with no value, as the specification asks of optional items.
    void optional(const char* name, const std::string& value) {
        if (!value.empty()) text(name, value);
    }
    void date(const char* name, const domain::MaybeDate& value) {
        if (value) text(name, value->iso());
    }
    /// Yes/no items as 1 and 0: the type allows true and false too, but the DfE's samples and
    /// the validators councils run compare with "1".
    void flag(const char* name, bool value) { text(name, value ? "1" : "0"); }
    void finish() {
        check(xmlTextWriterEndDocument(writer_));
        check(xmlTextWriterFlush(writer_));
    }

  private:
    static void check(int result) {
        if (result < 0) throw std::runtime_error("writing the census XML failed");
    }
    xmlTextWriterPtr writer_ = nullptr;
};

void write_episode(Writer& w, const domain::CensusEpisode& e) {
    w.open("CINdetails");
    w.date("CINreferralDate", e.referral);
    w.optional("ReferralSource", e.referral_source);
    w.optional("PrimaryNeedCode", e.primary_need);
    w.date("CINclosureDate", e.closure);
    w.optional("ReasonForClosure", e.closure_reason);
    w.date("DateOfInitialCPC", e.initial_conference);
    for (const auto& a : e.assessments) {
        w.open("Assessments");
        w.date("AssessmentActualStartDate", a.start);
        w.date("AssessmentAuthorisationDate", a.authorised);
        if (!a.factors.empty()) {
            w.open("FactorsIdentifiedAtAssessment");
            for (const auto& f : a.factors) w.text("AssessmentFactors", f);
            w.close();
        }
        w.close();
    }
    for (const auto& p : e.cin_plans) {
        w.open("CINPlanDates");
        w.date("CINPlanStartDate", p.start);
        w.date("CINPlanEndDate", p.end);
        w.close();
    }
    for (const auto& s : e.enquiries) {
        w.open("Section47");
        w.date("S47ActualStartDate", s.start);
        w.date("InitialCPCtarget", s.conference_target);
        w.date("DateOfInitialCPC", s.conference);
        w.flag("ICPCnotRequired", s.conference_not_required);
        w.close();
    }
    // The specification places the no-further-action flag after the enquiries.
    w.flag("ReferralNFA", e.no_further_action);
    for (const auto& p : e.protection_plans) {
        w.open("ChildProtectionPlans");
        w.date("CPPstartDate", p.start);
        w.date("CPPendDate", p.end);
        w.text("InitialCategoryOfAbuse", p.initial_category);
        w.text("LatestCategoryOfAbuse", p.latest_category);
        w.text("NumberOfPreviousCPP", std::to_string(p.previous_plans));
        if (!p.reviews.empty()) {
            w.open("Reviews");
            for (const auto& r : p.reviews) w.text("CPPreviewDate", r.iso());
            w.close();
        }
        w.close();
    }
    for (const auto& p : e.pre_proceedings) {
        w.open("PreProceedingsandFGDM");
        w.date("PPStartDate", p.start);
        w.date("LBPSentDate", p.letter_sent);
        if (p.family_meeting_offered) w.flag("FGDMMeetingOffer", *p.family_meeting_offered);
        if (p.family_meeting_held) w.flag("FGDMMeetingFac", *p.family_meeting_held);
        w.date("InitialPPMeetingDate", p.initial_meeting);
        if (p.review_meetings) w.text("ReviewMeetingsCount", std::to_string(*p.review_meetings));
        w.date("StepDecisionDate", p.decided);
        w.optional("PPOutcome", p.outcome);
        w.date("CourtAppDate", p.court_application);
        w.date("LetterInitCPDate", p.letter_initiating);
        w.close();
    }
    w.close();
}

void write_child(Writer& w, const domain::CensusChild& c) {
    w.open("Child");
    w.open("ChildIdentifiers");
    w.text("LAchildID", c.la_child_id);
    w.optional("UPN", c.upn);
    w.optional("FormerUPN", c.former_upn);
    w.optional("UPNunknown", c.upn_unknown);
    w.date("PersonBirthDate", c.birth);
    w.date("ExpectedPersonBirthDate", c.expected_birth);
    w.text("Sex", c.sex);
    w.date("PersonDeathDate", c.death);
    w.close();
    w.open("ChildCharacteristics");
    w.text("Ethnicity", c.ethnicity);
    if (!c.disabilities.empty()) {
        w.open("Disabilities");
        for (const auto& d : c.disabilities) w.text("Disability", d);
        w.close();
    }
    w.close();
    for (const auto& e : c.episodes) write_episode(w, e);
    w.close();
}

}  // namespace

void write_cin_census_xml(const CensusReturn& census, const CensusSource& source,
                          std::ostream& out) {
    Writer w{out};
    w.open("Message");
    w.open("Header");
    w.open("CollectionDetails");
    w.text("Collection", "CIN");
    w.text("Year", std::to_string(census.year.end_year()));
    w.text("ReferenceDate", census.year.reference.iso());
    w.close();
    w.open("Source");
    w.text("SourceLevel", "L");
    w.text("LEA", source.la_code);
    w.text("SoftwareCode", "signs");
    w.text("Release", source.release);
    w.text("SerialNo", source.serial_no);
    w.text("DateTime", source.date_time);
    w.close();
    w.close();
    w.open("Children");
    for (const auto& child : census.children) write_child(w, child);
    w.close();
    w.close();
    w.finish();
}

}  // namespace signs::service
