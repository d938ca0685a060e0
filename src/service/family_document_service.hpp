#pragma once
/// Documents written for families: "Our plan" put together from the case's records, and the
/// record of which version was given to whom and when. Anyone who may open the case may
/// produce them; a record of giving one is kept only while the case is open.
#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/documents/our_plan.hpp"
#include "domain/documents/words_and_pictures.hpp"
#include "service/actor.hpp"
#include "service/language_service.hpp"
#include "service/mapping_service.hpp"
#include "service/meeting_service.hpp"
#include "service/plan_service.hpp"
#include "store/database.hpp"
#include "store/family_document_repository.hpp"
#include "store/story_repository.hpp"

namespace signs::service {

struct OurPlanDocument {
    std::int64_t case_id = 0;
    domain::FamilyDocument document;
    std::string based_on;     ///< "the mapping of 20 November 2026 and version 2 of the plan"
    std::string fingerprint;  ///< of the document's words, to tell versions apart
    std::vector<store::family_documents::GivenRecord> given;  ///< newest first
};

/// A version of a "Words and pictures" story, as a document.
struct StoryView {
    store::stories::StoryRecord story;
    std::string child_name, family_name;
    domain::FamilyDocument document;
    std::string based_on;  ///< "version 2 of the story", as a copy given of it says
    std::vector<store::stories::StoryRecord> versions;  ///< of this child's story, newest first
    std::vector<store::family_documents::GivenRecord> given;  ///< stories given in the case
    bool case_open = true;
};

/// Each child's latest story in the case, newest first.
std::vector<store::stories::StoryRecord> latest_stories(soci::session& sql, std::int64_t case_id);

class FamilyDocumentService {
  public:
    FamilyDocumentService(store::Database& db, const core::Clock& clock, MappingService& mappings,
                          PlanService& plans, MeetingService& meetings, LanguageService& language)
        : db_(db),
          clock_(clock),
          mappings_(mappings),
          plans_(plans),
          meetings_(meetings),
          language_(language) {}

    /// The case's plan for the family, from its latest agreed mapping and the plan in force.
    /// Conflict when no mapping of the case has been agreed yet.
    core::Result<OurPlanDocument> our_plan(const Actor& actor, std::int64_t case_id);
    /// What the family's plan is drawn from beyond the case page's key: the council's own
    /// plain words and the copies given. The caller has checked access to the case.
    std::string our_plan_stamp(std::int64_t case_id);
    /// Records that the document as it stands now was given to someone.
    core::Result<std::int64_t> record_given(const Actor& actor, std::int64_t case_id,
                                            const domain::GivenForm& form);
    /// One record, with the words that were given.
    core::Result<store::family_documents::GivenRecord> given(const Actor& actor,
                                                             std::int64_t case_id,
                                                             std::int64_t record_id);

    /// Writes the next version of a child's story; returns its id.
    core::Result<std::int64_t> write_story(const Actor& actor, std::int64_t case_id,
                                           const domain::StoryForm& form);
    core::Result<StoryView> story(const Actor& actor, std::int64_t story_id);
    core::Result<std::int64_t> record_story_given(const Actor& actor, std::int64_t story_id,
                                                  const domain::GivenForm& form);

  private:
    /// Keeps a record that `document` was given, checking the form against its date.
    core::Result<std::int64_t> keep_given(const Actor& actor, std::int64_t case_id,
                                          std::string_view kind,
                                          const domain::FamilyDocument& document,
                                          const std::string& based_on,
                                          const domain::GivenForm& form,
                                          std::optional<std::int64_t> child_id);

    store::Database& db_;
    const core::Clock& clock_;
    MappingService& mappings_;
    PlanService& plans_;
    MeetingService& meetings_;
    LanguageService& language_;
};

}  // namespace signs::service
