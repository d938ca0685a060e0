#include "domain/people/password_policy.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

TEST(PasswordPolicy, JudgesLengthCommonnessAndSameness) {
    struct Case {
        std::string password;
        bool acceptable;
    };
    const Case cases[] = {
        {"", false},
        {"elevenchars", false},
        {"twelve chars", true},
        {"Password1234", false},
        {std::string(200, 'x'), true},
        {std::string(201, 'x'), false},
        {"jo@example.org", false},
        {"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", false},
        {"ŷŷŷŷŷŷŷŷŷŷŷŷ", true},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(!password_problem(c.password, "JO@example.org").has_value(), c.acceptable)
            << "password of " << c.password.size() << " bytes: '" << c.password.substr(0, 20)
            << "'";
    }
}

}  // namespace
}  // namespace signs::domain
