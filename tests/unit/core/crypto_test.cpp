#include "core/crypto.hpp"

#include <gtest/gtest.h>

#include <set>

namespace signs::core {
namespace {

class Crypto : public ::testing::Test {
  protected:
    void SetUp() override { init_crypto(); }
};

TEST_F(Crypto, TokensAreLongHexAndDoNotRepeat) {
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        auto token = random_token(32);
        ASSERT_EQ(token.size(), 64u);
        ASSERT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos);
        ASSERT_TRUE(seen.insert(token).second);
    }
}

TEST_F(Crypto, Sha256MatchesAKnownAnswer) {
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(Crypto, PasswordHashesAreArgon2idSaltedAndVerify) {
    auto first = hash_password("correct horse battery staple");
    auto second = hash_password("correct horse battery staple");
    EXPECT_TRUE(first.starts_with("$argon2id$"));
    EXPECT_NE(first, second);
    EXPECT_TRUE(verify_password(first, "correct horse battery staple"));
    EXPECT_FALSE(verify_password(first, "correct horse battery stapler"));
    EXPECT_FALSE(verify_password("not a hash", "anything"));
}

TEST_F(Crypto, ConstantTimeEqualComparesWholeStrings) {
    EXPECT_TRUE(constant_time_equal("abc", "abc"));
    EXPECT_FALSE(constant_time_equal("abc", "abd"));
    EXPECT_FALSE(constant_time_equal("abc", "abcd"));
    EXPECT_TRUE(constant_time_equal("", ""));
}

}  // namespace
}  // namespace signs::core
