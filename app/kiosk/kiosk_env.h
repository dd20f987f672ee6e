// What the kiosk loop reads of the world besides its configuration, behind small interfaces so a
// test can run the whole loop on fakes (as leveldb's Env and ninja's DiskInterface do): the
// process's own facts (memory, descriptors, threads; host name and addresses) and where content
// comes from (the feed pipeline's snapshots). Clocks and files are core's Clock and FileSystem.
// Given to App through AppOptions; the real ones are used when none is given. Implementations
// are called from the main thread only (ContentSource::Latest from any thread).
#pragma once

#include <cstdint>
#include <memory>

#include "ops/process_stats.h"
#include "pipeline/feed_pipeline.h"
#include "pipeline/snapshot.h"
#include "platform/host_facts.h"

namespace machikado::kiosk {

class ProcessFacts {
 public:
  virtual ~ProcessFacts() = default;
  virtual ops::ProcessStats Stats() const = 0;   // for metrics
  virtual platform::HostFacts Host() const = 0;  // for the not-configured screen
};

class RealProcessFacts final : public ProcessFacts {
 public:
  ops::ProcessStats Stats() const override { return ops::ReadProcessStats(); }
  platform::HostFacts Host() const override { return platform::ReadHostFacts(); }
};

// The content the screen shows: the newest snapshot of every feed.
class ContentSource {
 public:
  virtual ~ContentSource() = default;
  virtual std::shared_ptr<const pipeline::Snapshot> Latest() const = 0;
  // At launch: waits up to `timeout_ms` for the first snapshot (the offline cache's).
  virtual void WaitFirst(int64_t timeout_ms) const = 0;
};

// The real one: the feed pipeline's hand-over.
class PipelineContent final : public ContentSource {
 public:
  explicit PipelineContent(const pipeline::FeedPipeline& p) : pipeline_(p) {}
  std::shared_ptr<const pipeline::Snapshot> Latest() const override { return pipeline_.Latest(); }
  void WaitFirst(int64_t timeout_ms) const override {
    pipeline_.handoff().WaitNewer(0, timeout_ms);
  }

 private:
  const pipeline::FeedPipeline& pipeline_;
};

}  // namespace machikado::kiosk
