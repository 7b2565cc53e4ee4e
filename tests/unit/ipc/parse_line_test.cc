// parse_line and encode: what a line of bytes becomes, and that nothing a
// peer can send makes them throw.
#include <gtest/gtest.h>

#include <string>

#include "limber/jsonrpc.h"

namespace limber::rpc {
namespace {

std::string nested_arrays(int depth) {
  return std::string(static_cast<size_t>(depth), '[') +
         std::string(static_cast<size_t>(depth), ']');
}

// The parse error for `line`; fails the test when the line parses.
Error parse_error_of(std::string_view line) {
  Error error;
  EXPECT_FALSE(parse_line(line, &error).has_value()) << "parsed: " << line;
  return error;
}

TEST(ParseLine, ParsesAnObject) {
  Error error;
  const auto value = parse_line(R"({"jsonrpc":"2.0","id":1,"method":"status"})", &error);
  ASSERT_TRUE(value.has_value());
  EXPECT_EQ((*value)["method"], "status");
}

TEST(ParseLine, AcceptsNestingAtTheLimit) {
  Error error;
  EXPECT_TRUE(parse_line(nested_arrays(kMaxNesting), &error).has_value()) << error.message;
}

TEST(ParseLine, RejectsNestingOneLevelPastTheLimitAsParseError) {
  const Error error = parse_error_of(nested_arrays(kMaxNesting + 1));
  EXPECT_EQ(error.code, kParseError);
  EXPECT_NE(error.message.find("nested deeper than 32"), std::string::npos) << error.message;
}

TEST(ParseLine, RejectsDeepNestingOfObjectsAndArraysMixed) {
  std::string line;
  for (int i = 0; i < 5000; ++i) line += "{\"a\":[";
  EXPECT_EQ(parse_error_of(line).code, kParseError);
}

TEST(ParseLine, DoesNotCountBracketsInsideStrings) {
  Error error;
  const std::string line =
      "{\"a\":\"" + std::string(100, '[') + "\\\"" + std::string(100, '{') + "\"}";
  const auto value = parse_line(line, &error);
  ASSERT_TRUE(value.has_value()) << error.message;
  EXPECT_EQ((*value)["a"].get<std::string>().size(), 201u);
}

TEST(ParseLine, ReportsMalformedJsonAsParseErrorWithAPosition) {
  const Error error = parse_error_of(R"({"jsonrpc":"2.0","id":1,"method":)");
  EXPECT_EQ(error.code, kParseError);
  EXPECT_NE(error.message.find("parse error"), std::string::npos) << error.message;
  EXPECT_EQ(error.message.find("[json.exception"), std::string::npos) << error.message;
}

TEST(ParseLine, ReportsTrailingGarbageAsParseError) {
  EXPECT_EQ(parse_error_of(R"({"a":1} {"b":2})").code, kParseError);
}

TEST(ParseLine, RejectsInvalidUtf8AsParseError) {
  EXPECT_EQ(parse_error_of("{\"method\":\"st\xff\xfe\"}").code, kParseError);
  EXPECT_EQ(parse_error_of("{\"method\":\"\xc3\"}").code, kParseError);      // truncated sequence
  EXPECT_EQ(parse_error_of("{\"method\":\"\xc0\x80\"}").code, kParseError);  // overlong NUL
  EXPECT_EQ(parse_error_of("{\"method\":\"\xed\xa0\x80\"}").code, kParseError);  // UTF-16 surrogate
}

TEST(ParseLine, RejectsALoneSurrogateEscapeAsParseError) {
  EXPECT_EQ(parse_error_of(R"({"id":"\ud800"})").code, kParseError);
}

TEST(ParseLine, AcceptsValidMultibyteUtf8) {
  Error error;
  const auto value = parse_line("{\"name\":\"Pause caf\xc3\xa9 \xe2\x98\x95\"}", &error);
  ASSERT_TRUE(value.has_value()) << error.message;
}

// nlohmann reports a number too large for a double as out_of_range rather
// than parse_error; before the fix that exception escaped parse_line and
// terminated limberd.
TEST(ParseLine, ReportsANumberTooLargeForADoubleAsParseErrorWithoutThrowing) {
  Error error;
  std::optional<Json> value;
  EXPECT_NO_THROW(value = parse_line(R"({"x":1e400})", &error));
  EXPECT_FALSE(value.has_value());
  EXPECT_EQ(error.code, kParseError);
  EXPECT_NE(error.message.find("number overflow"), std::string::npos) << error.message;
  EXPECT_NO_THROW(value = parse_line("-1e99999", &error));
  EXPECT_FALSE(value.has_value());
}

TEST(ParseLine, ReadsAnIntegerBeyond64BitsAsADouble) {
  Error error;
  const auto value = parse_line(R"({"x":123456789012345678901234567890})", &error);
  ASSERT_TRUE(value.has_value()) << error.message;
  EXPECT_TRUE((*value)["x"].is_number_float());
}

TEST(ParseLine, ReadsTinyNumbersWithoutError) {
  Error error;
  const auto value =
      parse_line(R"([1e-400, -0, 18446744073709551615, -9223372036854775808])", &error);
  ASSERT_TRUE(value.has_value()) << error.message;
  EXPECT_TRUE((*value)[2].is_number_unsigned());
  EXPECT_TRUE((*value)[3].is_number_integer());
}

TEST(ParseLine, RejectsAnEmptyLine) {
  EXPECT_EQ(parse_error_of("").code, kParseError);
}

TEST(Encode, WritesOneCompactLine) {
  const std::string line = encode(make_result(7, Json{{"a", 1}}));
  EXPECT_EQ(line, "{\"id\":7,\"jsonrpc\":\"2.0\",\"result\":{\"a\":1}}\n");
}

TEST(Encode, ReplacesInvalidUtf8InsteadOfThrowing) {
  std::string line;
  EXPECT_NO_THROW(line = encode(Json{{"name", std::string("bad \xff byte")}}));
  EXPECT_NE(line.find("bad \xef\xbf\xbd byte"), std::string::npos) << line;
  Error error;
  EXPECT_TRUE(parse_line(line.substr(0, line.size() - 1), &error).has_value()) << error.message;
}

TEST(MakeError, OmitsDataWhenAbsentAndKeepsItWhenGiven) {
  EXPECT_FALSE(make_error(1, {kNotFound, "no", nullptr})["error"].contains("data"));
  EXPECT_EQ(make_error(1, {kManaged, "m", Json{{"locked_by", "x"}}})["error"]["data"]["locked_by"],
            "x");
}

}  // namespace
}  // namespace limber::rpc
