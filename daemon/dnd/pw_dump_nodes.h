// PwDumpNodes: what `pw-dump --monitor` says about PipeWire's capture
// streams, read incrementally. pw-dump prints a JSON array of objects at
// start and one more array per batch of changes, forever; each object is a
// whole PipeWire object ({"id", "type", "info": {"state", "props", …}}), or
// {"id": N, "info": null} when object N went away.
//
// feed() takes the output in chunks of any size. It cuts out each element
// of a top-level array (tracking brackets, strings and escapes), parses it
// alone and keeps, per node, just two facts: is it an audio or video
// capture stream (media.class "Stream/Input/Audio" or "Stream/Input/Video")
// and is it running (state "running"). Names, applications and every other
// property are dropped unread: only "a capture stream is running" is known.
//
// Pure; used by CaptureStreamWatch. Threading: any one thread.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace limber {

class PwDumpNodes {
 public:
  // Reads more of pw-dump's output.
  void feed(std::string_view chunk);
  // Forgets everything (pw-dump ended; a new one starts from scratch).
  void reset();

  // True while any audio or video capture stream is running.
  bool capture_running() const;
  // Nodes seen and still present (for tests).
  size_t node_count() const { return nodes_.size(); }

 private:
  struct Node {
    bool capture = false;
    bool running = false;
  };
  void element(const std::string& text);

  std::map<int64_t, Node> nodes_;
  // The scanner's state between chunks.
  int depth_ = 0;  // 1: inside a top-level array; 2+: inside one element
  bool in_string_ = false;
  bool escaped_ = false;
  bool oversized_ = false;  // the element being read is too big: skipped
  std::string element_;
};

}  // namespace limber
