#include "core/faulty_file_system.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace machikado {

namespace {
size_t Index(FsOp op) {
  return static_cast<size_t>(op);
}

[[noreturn]] void Die() {
  ::kill(::getpid(), SIGKILL);
  ::_exit(137);  // not reached
}
}  // namespace

const char* ToString(FsOp op) {
  static constexpr const char* kNames[kFsOpCount] = {"Read",  "Create",  "Write",   "Sync",
                                                     "Close", "Rename",  "SyncDir", "Remove",
                                                     "Stat",  "ListDir", "MakeDirs"};
  return kNames[Index(op)];
}

class FaultyFileSystem::File final : public WritableFile {
 public:
  File(FaultyFileSystem& fs, std::string path, std::unique_ptr<WritableFile> base)
      : fs_(fs), path_(std::move(path)), base_(std::move(base)) {}

  Status Append(std::string_view bytes) override {
    if (uint64_t cut = 0; fs_.CrashHere(FsOp::kWrite, &cut)) {
      base_->Append(bytes.substr(0, static_cast<size_t>(std::min<uint64_t>(cut, bytes.size()))));
      Die();
    }
    if (int err = fs_.Check(FsOp::kWrite)) return ErrnoStatus("cannot write", path_, err);
    uint64_t allowed = fs_.TakeBudget(bytes.size());
    if (allowed > 0) {
      Status s = base_->Append(bytes.substr(0, static_cast<size_t>(allowed)));
      if (!s.ok()) return s;
    }
    if (allowed < bytes.size()) return ErrnoStatus("cannot write", path_, ENOSPC);
    return Status::Ok();
  }
  Status Sync() override {
    if (int err = fs_.Check(FsOp::kSync)) return ErrnoStatus("cannot fsync", path_, err);
    return base_->Sync();
  }
  Status Close() override {
    Status s = base_->Close();  // the descriptor is released either way, as close(2) does
    if (int err = fs_.Check(FsOp::kClose)) return ErrnoStatus("cannot close", path_, err);
    return s;
  }

 private:
  FaultyFileSystem& fs_;
  std::string path_;
  std::unique_ptr<WritableFile> base_;
};

void FaultyFileSystem::FailOn(FsOp op, int err, int times, int skip) {
  std::lock_guard<std::mutex> lock(mu_);
  faults_[Index(op)] = Fault{err, times, skip};
}

void FaultyFileSystem::SetWriteBudget(uint64_t bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  write_budget_ = bytes;
}

void FaultyFileSystem::CrashOn(FsOp op, int skip, uint64_t bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  crash_ = Crash{op, skip, bytes};
}

void FaultyFileSystem::ClearFaults() {
  std::lock_guard<std::mutex> lock(mu_);
  faults_ = {};
  write_budget_.reset();
  crash_.reset();
}

bool FaultyFileSystem::CrashHere(FsOp op, uint64_t* bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!crash_ || crash_->op != op) return false;
  if (crash_->skip > 0) {
    --crash_->skip;
    return false;
  }
  if (bytes) *bytes = crash_->bytes;
  crash_.reset();
  return true;
}

int FaultyFileSystem::calls(FsOp op) const {
  std::lock_guard<std::mutex> lock(mu_);
  return calls_[Index(op)];
}

int FaultyFileSystem::Check(FsOp op) {
  if (op != FsOp::kWrite && CrashHere(op)) Die();  // kWrite: in Append, after a partial write
  std::lock_guard<std::mutex> lock(mu_);
  ++calls_[Index(op)];
  std::optional<Fault>& f = faults_[Index(op)];
  if (!f) return 0;
  if (f->skip > 0) {
    --f->skip;
    return 0;
  }
  if (f->times == 0) return 0;
  if (f->times > 0) --f->times;
  return f->err;
}

uint64_t FaultyFileSystem::TakeBudget(uint64_t want) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!write_budget_) return want;
  uint64_t allowed = std::min(want, *write_budget_);
  *write_budget_ -= allowed;
  return allowed;
}

Result<std::string> FaultyFileSystem::ReadFile(const std::string& path, uint64_t max_bytes) {
  if (int err = Check(FsOp::kRead)) return ErrnoStatus("cannot read", path, err);
  return base_.ReadFile(path, max_bytes);
}

Result<std::unique_ptr<WritableFile>> FaultyFileSystem::CreateFile(const std::string& path) {
  if (int err = Check(FsOp::kCreate)) return ErrnoStatus("cannot create", path, err);
  Result<std::unique_ptr<WritableFile>> base = base_.CreateFile(path);
  if (!base.ok()) return base.status();
  return std::unique_ptr<WritableFile>(new File(*this, path, std::move(base).value()));
}

Result<std::unique_ptr<WritableFile>> FaultyFileSystem::AppendFile(const std::string& path,
                                                                   bool truncate) {
  if (int err = Check(FsOp::kCreate)) return ErrnoStatus("cannot open", path, err);
  Result<std::unique_ptr<WritableFile>> base = base_.AppendFile(path, truncate);
  if (!base.ok()) return base.status();
  return std::unique_ptr<WritableFile>(new File(*this, path, std::move(base).value()));
}

Status FaultyFileSystem::ReadAt(const std::string& path, uint64_t offset, size_t max_bytes,
                                std::string* out) {
  if (int err = Check(FsOp::kRead)) return ErrnoStatus("cannot read", path, err);
  return base_.ReadAt(path, offset, max_bytes, out);
}

Status FaultyFileSystem::Rename(const std::string& from, const std::string& to) {
  if (int err = Check(FsOp::kRename)) return ErrnoStatus("cannot rename onto", to, err);
  return base_.Rename(from, to);
}

Status FaultyFileSystem::SyncDir(const std::string& dir) {
  if (int err = Check(FsOp::kSyncDir)) return ErrnoStatus("cannot fsync directory", dir, err);
  return base_.SyncDir(dir);
}

Status FaultyFileSystem::Remove(const std::string& path) {
  if (int err = Check(FsOp::kRemove)) return ErrnoStatus("cannot remove", path, err);
  return base_.Remove(path);
}

Result<FileInfo> FaultyFileSystem::Stat(const std::string& path) {
  if (int err = Check(FsOp::kStat)) return ErrnoStatus("cannot stat", path, err);
  return base_.Stat(path);
}

Result<std::vector<std::string>> FaultyFileSystem::ListDir(const std::string& dir) {
  if (int err = Check(FsOp::kListDir)) return ErrnoStatus("cannot list", dir, err);
  return base_.ListDir(dir);
}

Status FaultyFileSystem::MakeDirs(const std::string& path) {
  if (int err = Check(FsOp::kMakeDirs)) return ErrnoStatus("cannot create directory", path, err);
  return base_.MakeDirs(path);
}

}  // namespace machikado
