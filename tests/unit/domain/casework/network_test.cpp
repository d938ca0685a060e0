#include "domain/casework/network.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

NetworkMemberForm a_parent() {
    return {" Dana ", "Carter",        "mother",           "yes",         "yes",
            "yes",    "01632 960 001", "Dana@Example.org", "1 Any Street"};
}

TEST(NetworkMember, AGoodFormGivesThePersonAndTheirLink) {
    auto checked = check_network_member(a_parent());
    ASSERT_TRUE(checked);
    EXPECT_EQ(checked->first.first_name, "Dana");
    EXPECT_EQ(checked->first.email, "dana@example.org");
    EXPECT_EQ(checked->second.relationship, "mother");
    EXPECT_TRUE(checked->second.parental_responsibility);
    EXPECT_TRUE(checked->second.safety_network);
}

TEST(NetworkMember, ContactDetailsAreOptionalButCheckedWhenGiven) {
    auto form = a_parent();
    form.phone = form.email = form.address = "";
    EXPECT_TRUE(check_network_member(form));
    form.phone = "call me";
    form.email = "not-an-email";
    auto refused = check_network_member(form);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message_for("phone"), "Enter a phone number, like 01632 960 001");
    EXPECT_FALSE(refused.error().message_for("email").empty());
}

TEST(NetworkMember, EveryMissingAnswerIsNamed) {
    NetworkMemberForm form;
    form.relationship = "landlord";
    auto refused = check_network_member(form);
    ASSERT_FALSE(refused);
    for (const char* field : {"first_name", "last_name", "relationship", "parental_responsibility",
                              "lives_with_child", "safety_network"}) {
        EXPECT_FALSE(refused.error().message_for(field).empty()) << field;
    }
}

TEST(NetworkMember, ALinkAloneNeedsNoName) {
    NetworkMemberForm form;
    form.relationship = "father";
    form.parental_responsibility = "yes";
    form.lives_with_child = "no";
    form.safety_network = "no";
    auto link = check_child_link(form);
    ASSERT_TRUE(link);
    EXPECT_FALSE(link->lives_with_child);
}

TEST(Professional, NeedsNameRoleAndAgency) {
    EXPECT_TRUE(check_professional({"Dr Lee", "GP", "Riverside Surgery", "", ""}));
    auto refused = check_professional({"", "", "", "12", ""});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().fields.size(), 4u);
}

}  // namespace
}  // namespace signs::domain
