// DaemonConnection: the DaemonLink over limberd's Unix socket
// ($XDG_RUNTIME_DIR/limber/limberd.sock), on the GLib main loop that wx's
// GTK port runs, so nothing here ever blocks the UI.
//
// It connects with a non-blocking socket, says hello as
// "limber-tray/<version>", subscribes to every notification and only then
// reports "link.connected". When the daemon goes away it fails the pending
// replies, reports "link.disconnected" and tries again every second, so a
// restarted daemon is found within about a second.
//
// Threading: the UI (GLib main) thread only.
#pragma once

#include <glib.h>

#include <map>
#include <string>

#include "daemon_link.h"

namespace limber::tray {

class DaemonConnection final : public DaemonLink {
 public:
  // `socket_path`: where limberd listens; `client_name` goes into hello.
  DaemonConnection(std::string socket_path, std::string client_name);
  ~DaemonConnection() override;
  DaemonConnection(const DaemonConnection&) = delete;
  DaemonConnection& operator=(const DaemonConnection&) = delete;

  // Begins connecting (and retrying); returns at once.
  void start();

  bool connected() const override { return ready_; }
  void call(const std::string& method, rpc::Json params, Reply reply) override;
  int add_listener(Listener listener) override;
  void remove_listener(int handle) override;

  // How often a lost or absent daemon is looked for again.
  static constexpr guint kRetryMs = 1000;
  // Replies (a year of statistics) may exceed the 64 KiB request limit.
  static constexpr size_t kMaxReplyBytes = 64u << 20;

 private:
  void try_connect();
  void schedule_retry();
  void on_socket_ready();  // the non-blocking connect finished
  void say_hello();
  void drop(const std::string& why);
  void send_now(const std::string& method, rpc::Json params, Reply reply);
  void flush_output();
  void read_input();
  void handle_line(std::string_view line);
  void emit(const std::string& method, const rpc::Json& params);
  void update_watch();

  static gboolean on_io(gint fd, GIOCondition condition, gpointer self);
  static gboolean on_retry(gpointer self);

  std::string socket_path_;
  std::string client_name_;
  int fd_ = -1;
  bool connecting_ = false;  // connect() in progress
  bool ready_ = false;       // hello and subscribe answered
  guint io_source_ = 0;
  GIOCondition watched_{};
  guint retry_source_ = 0;
  std::string output_;
  rpc::LineFramer framer_{kMaxReplyBytes};
  int64_t next_id_ = 1;
  std::map<int64_t, Reply> pending_;
  std::map<int, Listener> listeners_;
  int next_listener_ = 1;
  std::string last_drop_reason_;
};

}  // namespace limber::tray
