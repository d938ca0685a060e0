#include "store/sign_in_attempt_repository.hpp"

#include "store/store_error.hpp"

namespace signs::store::sign_in_attempts {

void record(soci::session& sql, const std::string& email, const std::string& address,
            const std::string& at, bool succeeded) {
    translate_errors([&] {
        int ok = succeeded ? 1 : 0;
        sql << "INSERT INTO sign_in_attempts (email, address, at, succeeded) "
               "VALUES (:email, :address, :at, :ok)",
            soci::use(email), soci::use(address), soci::use(at), soci::use(ok);
    });
}

domain::RecentFailures recent_failures(soci::session& sql, const std::string& email,
                                       const std::string& address, const std::string& since) {
    return translate_errors([&] {
        domain::RecentFailures out;
        std::string last_success;
        soci::indicator ind = soci::i_null;
        sql << "SELECT MAX(at) FROM sign_in_attempts WHERE email = :email AND succeeded = 1",
            soci::use(email), soci::into(last_success, ind);
        std::string from = (ind == soci::i_ok && last_success > since) ? last_success : since;
        sql << "SELECT COUNT(*) FROM sign_in_attempts WHERE email = :email AND succeeded = 0 "
               "AND at > :from",
            soci::use(email), soci::use(from), soci::into(out.for_account);
        sql << "SELECT COUNT(*) FROM sign_in_attempts WHERE address = :address AND succeeded = 0 "
               "AND at > :since",
            soci::use(address), soci::use(since), soci::into(out.for_address);
        return out;
    });
}

void remove_before(soci::session& sql, const std::string& cutoff) {
    translate_errors(
        [&] { sql << "DELETE FROM sign_in_attempts WHERE at < :cutoff", soci::use(cutoff); });
}

}  // namespace signs::store::sign_in_attempts
