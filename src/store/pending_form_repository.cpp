#include "store/pending_form_repository.hpp"

#include "store/store_error.hpp"

namespace signs::store::pending_forms {

void insert(soci::session& sql, const std::string& token_hash, const PendingFormRecord& form) {
    translate_errors([&] {
        sql << "INSERT INTO pending_forms (token_hash, path, body, created_at) VALUES (:hash, "
               ":path, :body, :at)",
            soci::use(token_hash), soci::use(form.path), soci::use(form.body),
            soci::use(form.created_at);
    });
}

std::optional<PendingFormRecord> take(soci::session& sql, const std::string& token_hash) {
    return translate_errors([&]() -> std::optional<PendingFormRecord> {
        PendingFormRecord form;
        sql << "SELECT path, body, created_at FROM pending_forms WHERE token_hash = :hash",
            soci::use(token_hash), soci::into(form.path), soci::into(form.body),
            soci::into(form.created_at);
        if (!sql.got_data()) return std::nullopt;
        sql << "DELETE FROM pending_forms WHERE token_hash = :hash", soci::use(token_hash);
        return form;
    });
}

void remove_before(soci::session& sql, const std::string& cutoff) {
    translate_errors(
        [&] { sql << "DELETE FROM pending_forms WHERE created_at < :cutoff", soci::use(cutoff); });
}

}  // namespace signs::store::pending_forms
