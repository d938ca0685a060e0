#pragma once
/// The few cryptographic operations signs needs, all from libsodium.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace signs::core {

/// Must run once before any other function here; safe to call again.
void init_crypto();

/// `bytes` random bytes, written as lowercase hex (so 32 bytes give 64 characters).
std::string random_token(std::size_t bytes = 32);
std::string sha256_hex(std::string_view data);
/// Standard base64 with padding (RFC 4648), as MIME bodies use it.
std::string base64(std::string_view data);
bool constant_time_equal(std::string_view a, std::string_view b);

/// An argon2id hash in libsodium's self-describing string form (salt and costs included).
std::string hash_password(std::string_view password);
bool verify_password(std::string_view stored_hash, std::string_view password);

}  // namespace signs::core
