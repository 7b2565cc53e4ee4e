// PwDumpNodes reads `pw-dump --monitor` output in chunks of any size and
// knows only whether an audio or video capture stream is running.
#include "dnd/pw_dump_nodes.h"

#include <gtest/gtest.h>

#include <string>

namespace limber {
namespace {

std::string node(int id, const std::string& media_class, const std::string& state) {
  return R"({ "id": )" + std::to_string(id) +
         R"(, "type": "PipeWire:Interface:Node", "version": 3, "permissions": [ "r", "x" ],
    "info": { "max-input-ports": 64, "state": ")" +
         state +
         R"(", "error": null, "change-mask": [ "state", "props" ],
      "props": { "node.name": "a \"quoted\" } ] name", "media.class": ")" +
         media_class +
         R"(", "application.name": "Meeting [beta] {x}" },
      "params": { "EnumFormat": [ { "rate": [48000] } ] } } })";
}
std::string removed(int id) {
  return R"({ "id": )" + std::to_string(id) + R"(, "info": null })";
}
std::string batch(const std::vector<std::string>& objects) {
  std::string out = "[\n";
  for (size_t i = 0; i < objects.size(); ++i) out += (i > 0 ? ",\n  " : "  ") + objects[i];
  return out + "\n]\n";
}

TEST(PwDumpNodes, RunningAudioCaptureStreamIsACall) {
  PwDumpNodes nodes;
  nodes.feed(batch(
      {node(30, "Audio/Source/Virtual", "running"), node(33, "Stream/Input/Audio", "running")}));
  EXPECT_TRUE(nodes.capture_running());
  EXPECT_EQ(nodes.node_count(), 2u);
}

TEST(PwDumpNodes, RunningVideoCaptureStreamIsACall) {
  PwDumpNodes nodes;
  nodes.feed(batch({node(40, "Stream/Input/Video", "running")}));
  EXPECT_TRUE(nodes.capture_running());
}

TEST(PwDumpNodes, PlaybackSourcesAndIdleCaptureAreNot) {
  PwDumpNodes nodes;
  nodes.feed(
      batch({node(1, "Stream/Output/Audio", "running"), node(2, "Audio/Source", "running"),
             node(3, "Stream/Input/Audio", "suspended"), node(4, "Stream/Input/Video", "idle")}));
  EXPECT_FALSE(nodes.capture_running());
  EXPECT_EQ(nodes.node_count(), 4u);
}

TEST(PwDumpNodes, StateChangeAndRemovalInLaterBatchesAreFollowed) {
  PwDumpNodes nodes;
  nodes.feed(batch({node(33, "Stream/Input/Audio", "suspended")}));
  EXPECT_FALSE(nodes.capture_running());
  nodes.feed(batch({node(33, "Stream/Input/Audio", "running")}));
  EXPECT_TRUE(nodes.capture_running());
  nodes.feed(batch({removed(33)}));
  EXPECT_FALSE(nodes.capture_running());
  EXPECT_EQ(nodes.node_count(), 0u);
}

TEST(PwDumpNodes, UpdateWithoutPropsKeepsWhatTheNodeIs) {
  PwDumpNodes nodes;
  nodes.feed(batch({node(33, "Stream/Input/Audio", "idle")}));
  nodes.feed(batch(
      {R"({ "id": 33, "type": "PipeWire:Interface:Node", "info": { "state": "running" } })"}));
  EXPECT_TRUE(nodes.capture_running());
}

TEST(PwDumpNodes, OutputSplitAnywhereReadsTheSame) {
  const std::string text =
      batch({node(5, "Audio/Sink", "running"), node(33, "Stream/Input/Audio", "running")}) +
      batch({node(34, "Stream/Input/Video", "running"), removed(33)});
  for (size_t step : {1u, 2u, 7u, 64u}) {
    PwDumpNodes nodes;
    for (size_t at = 0; at < text.size(); at += step)
      nodes.feed(std::string_view(text).substr(at, step));
    EXPECT_TRUE(nodes.capture_running()) << "chunks of " << step;
    EXPECT_EQ(nodes.node_count(), 2u) << "chunks of " << step;  // 5 and 34
  }
  PwDumpNodes half;
  half.feed(text.substr(0, text.find("\"id\": 33")));
  EXPECT_FALSE(half.capture_running()) << "an element is used only once it is complete";
}

TEST(PwDumpNodes, OtherObjectTypesAndGarbageAreIgnored) {
  PwDumpNodes nodes;
  nodes.feed(batch({R"({ "id": 7, "type": "PipeWire:Interface:Port", "info": { "state": "running",
                         "props": { "media.class": "Stream/Input/Audio" } } })",
                    R"({ "id": "x", "info": {} })", R"({ broken json here })"}));
  nodes.feed("not json at all ]]]");
  EXPECT_FALSE(nodes.capture_running());
  EXPECT_EQ(nodes.node_count(), 0u);
}

TEST(PwDumpNodes, ResetForgetsEverything) {
  PwDumpNodes nodes;
  nodes.feed(batch({node(33, "Stream/Input/Audio", "running")}));
  nodes.feed("[ { \"id\": 40, \"type\": \"PipeWire:Inter");  // cut off mid-element
  nodes.reset();
  EXPECT_FALSE(nodes.capture_running());
  nodes.feed(batch({node(41, "Stream/Input/Audio", "running")}));
  EXPECT_TRUE(nodes.capture_running());
  EXPECT_EQ(nodes.node_count(), 1u);
}

}  // namespace
}  // namespace limber
