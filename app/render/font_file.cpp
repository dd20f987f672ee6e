#include "render/font_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace machikado::render {
namespace {

struct Reader {
  std::shared_ptr<FontFile> file;
  int fd;
  int64_t pos = 0;
};

Reader* Of(SDL_RWops* rw) {
  return static_cast<Reader*>(rw->hidden.unknown.data1);
}

Sint64 SizeOf(SDL_RWops* rw) {
  return Of(rw)->file->size();
}

Sint64 Seek(SDL_RWops* rw, Sint64 offset, int whence) {
  Reader* r = Of(rw);
  Sint64 base = whence == RW_SEEK_SET ? 0 : whence == RW_SEEK_CUR ? r->pos : r->file->size();
  if (whence != RW_SEEK_SET && whence != RW_SEEK_CUR && whence != RW_SEEK_END)
    return SDL_SetError("font file: bad seek");
  const Sint64 to = base + offset;
  if (to < 0) return SDL_SetError("font file: seek before the start");
  r->pos = to;
  return to;
}

size_t Read(SDL_RWops* rw, void* ptr, size_t size, size_t maxnum) {
  Reader* r = Of(rw);
  if (size == 0 || maxnum == 0) return 0;
  const size_t want = size * maxnum;
  size_t got = 0;
  while (got < want) {
    const ssize_t n = ::pread(r->fd, static_cast<char*>(ptr) + got, want - got, r->pos + got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += size_t(n);
  }
  r->pos += int64_t(got);
  return got / size;
}

size_t Write(SDL_RWops*, const void*, size_t, size_t) {
  SDL_SetError("font file: read-only");
  return 0;
}

int Close(SDL_RWops* rw) {
  delete Of(rw);
  SDL_FreeRW(rw);
  return 0;
}

}  // namespace

Result<std::shared_ptr<FontFile>> FontFile::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::Io("cannot open " + path + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
    ::close(fd);
    return Status::Invalid(path + ": not a readable font file");
  }
  return std::shared_ptr<FontFile>(new FontFile(fd, int64_t(st.st_size)));
}

FontFile::~FontFile() {
  ::close(fd_);
}

SDL_RWops* FontFile::NewReader(const std::shared_ptr<FontFile>& file) {
  SDL_RWops* rw = SDL_AllocRW();
  if (!rw) return nullptr;
  rw->size = SizeOf;
  rw->seek = Seek;
  rw->read = Read;
  rw->write = Write;
  rw->close = Close;
  rw->type = SDL_RWOPS_UNKNOWN;
  rw->hidden.unknown.data1 = new Reader{file, file->fd_, 0};
  return rw;
}

}  // namespace machikado::render
