#pragma once
/// The plain-language checker as the service uses it: the glossary from the data file with
/// the council's own terms, which system administrators add and remove.
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/language/language_check.hpp"
#include "service/actor.hpp"
#include "store/database.hpp"
#include "store/local_term_repository.hpp"

namespace signs::service {

class LanguageService {
  public:
    LanguageService(store::Database& db, const core::Clock& clock,
                    std::vector<domain::Term> file_terms)
        : db_(db), clock_(clock), file_terms_(std::move(file_terms)) {}

    /// The glossary in force. Read again after a change on this node at once, and after a
    /// change on another node within 30 seconds.
    std::shared_ptr<const domain::Glossary> glossary();
    /// The glossary as the database holds it now.
    domain::Glossary read(soci::session& sql) const;
    /// The terms from the data file, for administrators to see beside their own.
    const std::vector<domain::Term>& file_terms() const { return file_terms_; }

    core::Result<std::vector<store::local_terms::LocalTermRecord>> local_terms(const Actor& actor);
    /// Moves with every local term added or removed; the file's terms are fixed at start.
    std::string terms_stamp();
    core::Result<std::int64_t> add_term(const Actor& actor, const domain::Term& term);
    core::Result<void> remove_term(const Actor& actor, std::int64_t id);

  private:
    void forget();

    store::Database& db_;
    const core::Clock& clock_;
    std::vector<domain::Term> file_terms_;
    std::mutex mutex_;
    std::shared_ptr<const domain::Glossary> current_;
    core::Instant read_at_{};
};

}  // namespace signs::service
