/* model.c - what the C library does with the pointers it is given.
 *
 * Each entry is Go's parameter tag for a function that has no body here:
 * one character per parameter, the last repeated for variadic arguments:
 *
 *   '-'  does not escape (only read or written during the call)
 *   'h'  leaks to the heap: kept after the call (pthread_create's arg,
 *        setvbuf's buffer, putenv's string, realloc's old block)
 *   'c'  its content leaks to the heap (memcpy's source: the pointers
 *        stored in it are copied somewhere we do not follow)
 *   'r'  returned (memcpy's destination, strchr's string)
 *   'g'  kept in global state, so surely beyond the frame (setvbuf's
 *        buffer, putenv's string, on_exit's argument, thread-specific
 *        data, atexit's function: a nested function's trampoline and its
 *        frame): a warning for a stack address
 *   's'  source of a copy: its content is copied into the destination's
 *        pointee, as "*dst = *src" (memcpy's, strcpy's source)
 *   'v'  a value stored into the destination's pointee, as "*dst = v"
 *        (memset's byte: any value may carry a pointer's bytes)
 *   'p'  printed into the destination: its content (%s), and its value
 *        when the format may print a value's bytes or address (%c, %p,
 *        or a format that is not a literal): sprintf's arguments
 *   'd'  the destination of 's', 'v' and 'p' when it is not the first
 *        parameter (bcopy); not kept
 *
 * 's', 'v' and 'p' are read by the adapter (read-call.cc, read_copy),
 * which knows where a store through the destination goes; for the core
 * they are '-'.  In C any bytes may hold a pointer, so a copy carries
 * whatever its source holds, whatever the types (docs/semantics.md).
 *
 * Allocators name their size arguments; deallocators consume theirs
 * without letting it escape.  Anything not listed and without a body
 * follows Go's rule: its pointer arguments escape.  The table must stay
 * sorted by name (a unit test checks).
 */
#include <stdlib.h>
#include <string.h>

#include "core.h"

#define PLAIN(n, t) {n, ESC_MODEL_PLAIN, -1, -1, -1, t}
#define ALLOC(n, s0, s1, al, t) {n, ESC_MODEL_ALLOC, s0, s1, al, t}

static const struct esc_model models[] = {
  PLAIN("__assert_fail", "----"),
  PLAIN("__mempcpy", "rs-"),
  PLAIN("__sigsetjmp", "--"),
  PLAIN("__stpcpy", "rs"),
  PLAIN("__stpncpy", "rs-"),
  PLAIN("_setjmp", "-"),
  PLAIN("abort", "-"),
  ALLOC("aligned_alloc", 1, -1, 0, "--"),
  PLAIN("asprintf", "--"),
  PLAIN("at_quick_exit", "g"),
  PLAIN("atexit", "g"),
  PLAIN("atof", "-"),
  PLAIN("atoi", "-"),
  PLAIN("atol", "-"),
  PLAIN("atoll", "-"),
  PLAIN("basename", "r"),
  PLAIN("bcmp", "--"),
  PLAIN("bcopy", "sd-"),
  PLAIN("bsearch", "-r---"),
  PLAIN("bzero", "--"),
  ALLOC("calloc", 0, 1, -1, "--"),
  PLAIN("clock_gettime", "--"),
  PLAIN("close", "-"),
  PLAIN("dprintf", "--"),
  PLAIN("exit", "-"),
  PLAIN("fclose", "-"),
  PLAIN("feof", "-"),
  PLAIN("ferror", "-"),
  PLAIN("fflush", "-"),
  PLAIN("fgetc", "-"),
  PLAIN("fgetpos", "--"),
  PLAIN("fgets", "r--"),
  PLAIN("fgets_unlocked", "r--"),
  PLAIN("fileno", "-"),
  PLAIN("fopen", "--"),
  PLAIN("fprintf", "--"),
  PLAIN("fputc", "--"),
  PLAIN("fputs", "--"),
  PLAIN("fread", "----"),
  {"free", ESC_MODEL_FREE, -1, -1, -1, "-"},
  PLAIN("fscanf", "--"),
  PLAIN("fseek", "---"),
  PLAIN("fsetpos", "--"),
  PLAIN("fstat", "--"),
  PLAIN("ftell", "-"),
  PLAIN("fwrite", "c---"),
  PLAIN("getc", "-"),
  PLAIN("getenv", "-"),
  PLAIN("getline", "c--"),
  PLAIN("gettimeofday", "--"),
  PLAIN("gmtime_r", "-r"),
  PLAIN("localtime", "-"),
  PLAIN("localtime_r", "-r"),
  PLAIN("longjmp", "--"),
  ALLOC("malloc", 0, -1, -1, "-"),
  ALLOC("memalign", 1, -1, 0, "--"),
  PLAIN("memccpy", "rs--"),
  PLAIN("memchr", "r--"),
  PLAIN("memcmp", "---"),
  PLAIN("memcpy", "rs-"),
  PLAIN("memfrob", "r-"),
  PLAIN("memmove", "rs-"),
  PLAIN("mempcpy", "rs-"),
  PLAIN("memrchr", "r--"),
  PLAIN("memset", "rv-"),
  PLAIN("nanosleep", "--"),
  PLAIN("on_exit", "gg"),
  PLAIN("open", "--"),
  PLAIN("perror", "-"),
  {"posix_memalign", ESC_MODEL_ALLOC_OUT, 2, -1, 1, "---"},
  PLAIN("printf", "-"),
  PLAIN("pthread_atfork", "ggg"),
  PLAIN("pthread_create", "--hh"),
  PLAIN("pthread_getspecific", "-"),
  PLAIN("pthread_join", "--"),
  PLAIN("pthread_key_create", "-g"),
  PLAIN("pthread_mutex_destroy", "-"),
  PLAIN("pthread_mutex_init", "--"),
  PLAIN("pthread_mutex_lock", "-"),
  PLAIN("pthread_mutex_unlock", "-"),
  PLAIN("pthread_setspecific", "-g"),
  PLAIN("putc", "--"),
  PLAIN("putchar", "-"),
  PLAIN("putenv", "g"),
  PLAIN("puts", "-"),
  PLAIN("qsort", "----"),
  PLAIN("qsort_r", "-----"),
  PLAIN("rawmemchr", "r-"),
  PLAIN("read", "---"),
  {"realloc", ESC_MODEL_REALLOC, 1, -1, -1, "h-"},
  {"reallocarray", ESC_MODEL_REALLOC, 1, 2, -1, "h--"},
  PLAIN("realpath", "cr"),
  PLAIN("remove", "-"),
  PLAIN("rename", "--"),
  PLAIN("rewind", "-"),
  PLAIN("scanf", "-"),
  PLAIN("setbuf", "-g"),
  PLAIN("setjmp", "-"),
  PLAIN("setvbuf", "-g--"),
  PLAIN("sigaction", "-c-"),
  PLAIN("sigaltstack", "c-"),
  PLAIN("siglongjmp", "--"),
  PLAIN("signal", "-g"),
  PLAIN("sigsetjmp", "--"),
  PLAIN("snprintf", "--sp"),
  PLAIN("sprintf", "-sp"),
  PLAIN("sscanf", "c--"),
  PLAIN("stat", "--"),
  PLAIN("stpcpy", "rs"),
  PLAIN("stpncpy", "rs-"),
  PLAIN("strcasecmp", "--"),
  PLAIN("strcasestr", "r-"),
  PLAIN("strcat", "rs"),
  PLAIN("strchr", "r-"),
  PLAIN("strchrnul", "r-"),
  PLAIN("strcmp", "--"),
  PLAIN("strcpy", "rs"),
  PLAIN("strcspn", "--"),
  {"strdup", ESC_MODEL_ALLOC, -1, -1, -1, "c"},
  PLAIN("strerror", "-"),
  PLAIN("strfry", "r"),
  PLAIN("strftime", "r---"),
  PLAIN("strlen", "-"),
  PLAIN("strncasecmp", "---"),
  PLAIN("strncat", "rs-"),
  PLAIN("strncmp", "---"),
  PLAIN("strncpy", "rs-"),
  {"strndup", ESC_MODEL_ALLOC, -1, -1, -1, "c-"},
  PLAIN("strnlen", "--"),
  PLAIN("strpbrk", "r-"),
  PLAIN("strrchr", "r-"),
  PLAIN("strspn", "--"),
  PLAIN("strstr", "r-"),
  PLAIN("strtod", "h-"),
  PLAIN("strtof", "h-"),
  PLAIN("strtok", "h-"),
  PLAIN("strtol", "h--"),
  PLAIN("strtoll", "h--"),
  PLAIN("strtoul", "h--"),
  PLAIN("strtoull", "h--"),
  PLAIN("time", "-"),
  PLAIN("tolower", "-"),
  PLAIN("toupper", "-"),
  PLAIN("ungetc", "--"),
  PLAIN("unlink", "-"),
  ALLOC("valloc", 0, -1, -1, "-"),
  PLAIN("vfprintf", "---"),
  PLAIN("vfscanf", "---"),
  PLAIN("vprintf", "--"),
  PLAIN("vsnprintf", "--ss"),
  PLAIN("vsprintf", "-ss"),
  PLAIN("vsscanf", "c--"),
  PLAIN("wcpcpy", "rs"),
  PLAIN("wcpncpy", "rs-"),
  PLAIN("wcscat", "rs"),
  PLAIN("wcscpy", "rs"),
  PLAIN("wcslen", "-"),
  PLAIN("wcsncat", "rs-"),
  PLAIN("wcsncpy", "rs-"),
  PLAIN("wmemcpy", "rs-"),
  PLAIN("wmemmove", "rs-"),
  PLAIN("wmempcpy", "rs-"),
  PLAIN("wmemset", "rv-"),
  PLAIN("write", "-c-"),
};

static int cmp_model(const void *key, const void *elem)
{
  return strcmp(key, ((const struct esc_model *)elem)->name);
}

static const struct esc_model *find(const char *name)
{
  return bsearch(name, models, sizeof models / sizeof models[0],
                 sizeof models[0], cmp_model);
}

/* Also the spellings GCC and glibc use for the same functions:
   __builtin_memcpy, __memcpy_chk (fortified: same leading parameters),
   __isoc99_sscanf.  */
const struct esc_model *esc_model_lookup(const char *name)
{
  static const char *const prefixes[] = {"__builtin___", "__builtin_",
                                         "__isoc99_", "__isoc23_", "__"};
  const struct esc_model *m = find(name);
  if (m)
    return m;
  for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
    size_t n = strlen(prefixes[i]);
    if (strncmp(name, prefixes[i], n) != 0)
      continue;
    char buf[64];
    size_t len = strlen(name + n);
    if (len >= sizeof buf)
      return NULL;
    memcpy(buf, name + n, len + 1);
    if (len > 4 && strcmp(buf + len - 4, "_chk") == 0)
      buf[len - 4] = 0;
    return find(buf);
  }
  return NULL;
}

/* The letter of parameter I ('-' when none).  */
char esc_model_letter(const struct esc_model *m, unsigned i)
{
  size_t n = strlen(m->tags);
  return n ? m->tags[i < n ? i : n - 1] : '-';
}

struct esc_tag esc_model_tag(const struct esc_model *m, unsigned i)
{
  struct esc_tag t = ESC_TAG_NONE;
  size_t n = strlen(m->tags);
  if (!n)
    return t;
  switch (m->tags[i < n ? i : n - 1]) {
  case 'h': t.heap = 0; break;
  case 'c': t.heap = 1; break;
  case 'r': t.result = 0; break;
  case 'g': t.global = 0; break;
  default: break;
  }
  return t;
}

/* For unit tests: the table and its size.  */
const struct esc_model *esc_model_table(size_t *n);
const struct esc_model *esc_model_table(size_t *n)
{
  *n = sizeof models / sizeof models[0];
  return models;
}
