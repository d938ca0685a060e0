#include "domain/people/new_user.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

NewUserForm good() {
    return {"  Jo.Bloggs@Example.org ", " Jo Bloggs ", "practitioner", " Riverside Team ",
            "a long enough passphrase"};
}

TEST(NewUser, CleansAGoodForm) {
    auto user = check_new_user(good());
    ASSERT_TRUE(user);
    EXPECT_EQ(user->email, "jo.bloggs@example.org");
    EXPECT_EQ(user->name, "Jo Bloggs");
    EXPECT_EQ(user->role, Role::Practitioner);
    EXPECT_EQ(user->team, "Riverside Team");
}

TEST(NewUser, NoTeamIsAllowed) {
    auto form = good();
    form.team = "  ";
    EXPECT_FALSE(check_new_user(form)->team);
}

TEST(NewUser, ReportsEachBadFieldInPlainWords) {
    NewUserForm form{"not an email", "", "wizard", std::string(101, 't'), "short"};
    auto result = check_new_user(form);
    ASSERT_FALSE(result);
    const auto& error = result.error();
    EXPECT_EQ(error.message_for("email"),
              "Enter an email address in the correct format, like name@example.com");
    EXPECT_EQ(error.message_for("name"), "Enter the person's full name");
    EXPECT_EQ(error.message_for("role"), "Select the person's role");
    EXPECT_EQ(error.message_for("team"), "Team name must be 100 characters or fewer");
    EXPECT_EQ(error.message_for("password"), "Password must be 12 characters or more");
}

TEST(NewUser, RefusesScriptAndOverlongNames) {
    auto form = good();
    form.name = std::string(101, 'a');
    EXPECT_FALSE(check_new_user(form));
    form = good();
    form.email = "<script>alert(1)</script>@example.org";
    EXPECT_FALSE(check_new_user(form));
    form = good();
    form.name = "\xff\xfe";
    EXPECT_FALSE(check_new_user(form));
}

}  // namespace
}  // namespace signs::domain
