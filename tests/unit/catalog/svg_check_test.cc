#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "limber/catalog.h"

namespace limber {
namespace {

class SvgCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    char templ[] = "/tmp/limber-svg-XXXXXX";
    ASSERT_NE(mkdtemp(templ), nullptr);
    dir_ = templ;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  bool check(const std::string& content, std::string* why) {
    const std::string path = dir_ + "/x.svg";
    std::ofstream(path) << content;
    return check_svg_file(path, why);
  }
  std::string dir_;
};

TEST_F(SvgCheck, AcceptsAWellFormedSvgWithViewBox) {
  std::string why;
  EXPECT_TRUE(
      check("<?xml version=\"1.0\"?>\n<!-- c -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
            "viewBox=\"0 0 160 160\"><g opacity='0.3'><circle cx=\"1\" cy=\"2\" r=\"3\"/>"
            "</g><path d=\"M0,0 L1,1\"/></svg>\n",
            &why))
      << why;
}

TEST_F(SvgCheck, RejectsBrokenXmlWrongRootAndMissingViewBox) {
  std::string why;
  EXPECT_FALSE(check("<svg viewBox=\"0 0 1 1\"><g></svg>", &why));
  EXPECT_NE(why.find("does not close"), std::string::npos) << why;
  EXPECT_FALSE(check("<svg viewBox=\"0 0 1 1\"><rect x=1/></svg>", &why));
  EXPECT_NE(why.find("quoted"), std::string::npos) << why;
  EXPECT_FALSE(check("<html viewBox=\"0 0 1 1\"></html>", &why));
  EXPECT_NE(why.find("not <svg>"), std::string::npos) << why;
  EXPECT_FALSE(check("<svg width=\"10\"></svg>", &why));
  EXPECT_NE(why.find("viewBox"), std::string::npos) << why;
  EXPECT_FALSE(check("<svg viewBox=\"0 0 0 10\"></svg>", &why));
  EXPECT_FALSE(check("<svg viewBox=\"0 0 1 1\"></svg><svg viewBox=\"0 0 1 1\"></svg>", &why));
  EXPECT_FALSE(check("<svg viewBox=\"0 0 1 1\">", &why));
  EXPECT_FALSE(check_svg_file(dir_ + "/missing.svg", &why));
}

}  // namespace
}  // namespace limber
