/* Run-time oracle of the escape fuzzer (testsuite/fuzz).
 *
 * Without -DESCAPE_ORACLE every macro expands to ((void)0): the plugin
 * analyses exactly the generated program.  With it, the program registers
 * its objects (address-taken locals, allocation-site instances, probe
 * blocks passed as parameters, nested functions' trampolines), tracks every
 * heap block (malloc/calloc/realloc/free are wrapped; freed blocks are
 * quarantined, never reused) and, at each function's return, computes which
 * of the returning frame's objects are reachable:
 *
 *   roots = registered globals, memory retained by the C library (atexit...),
 *           the return value, live heap blocks, live objects of outer frames;
 *   E     = least set of the frame's objects pointed to (an aligned
 *           pointer-sized word inside the object) from a root or from an
 *           object already in E; a nested function in E puts its captures
 *           in E.
 *
 * Each object of the frame is reported checked; those in E escaped, with
 * the names of the places that hold a pointer into them.  Afterwards
 * pointers into the frame's dead locals are scrubbed (set to 0) so that a
 * later frame at the same address is not confused with them, and heap
 * objects of the frame that are not in E become unreachable ("ghosts": no
 * longer roots).  At exit, one line per object:
 *   ORACLE <id> <checked> <escaped> <holders,...>
 */
#ifndef ESCAPE_FUZZ_ORACLE_H
#define ESCAPE_FUZZ_ORACLE_H
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <signal.h>
#include <pthread.h>

#ifndef ESCAPE_ORACLE
#define OR_GLOBAL(name, addr, size) ((void)0)
#define OR_ENTER() ((void)0)
#define OR_LOCAL(id, addr, size) ((void)0)
#define OR_SITE(id, ptr) ((void)0)
#define OR_NESTED(id, fn, cap) ((void)0)
#define OR_LEAVE() ((void)0)
#define OR_LEAVE_RET(addr, size) ((void)0)
#define OR_PROBE(id, ptr) ((void)0)
#define OR_PCHECK() ((void)0)
#define OR_REPORT() ((void)0)
#else
#include <stdio.h>

#define OR_MAXOBJ 8192
#define OR_MAXBLK 16384
#define OR_MAXGLB 64
#define OR_MAXID 4096
#define OR_MAXDEPTH 256

enum { OR_K_LOCAL, OR_K_HEAP, OR_K_NESTED };
struct or_obj { int id, kind, frame, live, cap; char *lo, *hi; };
struct or_blk { char *lo, *hi; int live, ghost, obj; };
struct or_glb { const char *name; char *lo, *hi; };

static struct or_obj or_objs[OR_MAXOBJ];
static int or_nobj;
static struct or_blk or_blks[OR_MAXBLK];
static int or_nblk;
static struct or_glb or_glbs[OR_MAXGLB];
static int or_nglb;
static void *or_retained[64];
static int or_nret;
static int or_frames[OR_MAXDEPTH], or_depth, or_serial;
static unsigned or_checked[OR_MAXID], or_escaped[OR_MAXID];
static char or_holders[OR_MAXID][96];
static int or_overflow;

static void or_add_holder(int id, const char *h)
{
  char *s = or_holders[id];
  size_t n = strlen(h), l = strlen(s);
  const char *p = s;
  while ((p = strstr(p, h)) != NULL) {
    if ((p == s || p[-1] == ',') && (p[n] == ',' || p[n] == 0)) return;
    p++;
  }
  if (l + n + 2 < sizeof or_holders[id]) {
    if (l) s[l++] = ',';
    memcpy(s + l, h, n + 1);
  }
}

static void or_report(void)
{
  int i;
  for (i = 0; i < OR_MAXID; i++)
    if (or_checked[i] || or_escaped[i])
      printf("ORACLE %d %u %u %s\n", i, or_checked[i], or_escaped[i],
             or_holders[i][0] ? or_holders[i] : "-");
  if (or_overflow) printf("ORACLE-OVERFLOW %d\n", or_overflow);
  fflush(stdout);
}

static void or_global(const char *name, void *addr, size_t size)
{
  if (or_nglb < OR_MAXGLB) {
    or_glbs[or_nglb].name = name;
    or_glbs[or_nglb].lo = (char *)addr;
    or_glbs[or_nglb].hi = (char *)addr + size;
    or_nglb++;
  }
}
#define OR_GLOBAL(name, addr, size) or_global(name, addr, size)

static void or_enter(void)
{
  static int inited;
  if (!inited) { inited = 1; atexit(or_report); }
  if (or_depth < OR_MAXDEPTH) or_frames[or_depth] = ++or_serial;
  else or_overflow++;
  or_depth++;
}
#define OR_ENTER() or_enter()

static int or_top(void) { return or_depth > 0 && or_depth <= OR_MAXDEPTH ? or_frames[or_depth - 1] : -1; }

static int or_new_obj(int id, int kind, void *lo, size_t size, int cap)
{
  if (or_nobj >= OR_MAXOBJ || id < 0 || id >= OR_MAXID) { or_overflow++; return -1; }
  or_objs[or_nobj].id = id;
  or_objs[or_nobj].kind = kind;
  or_objs[or_nobj].frame = or_top();
  or_objs[or_nobj].live = 1;
  or_objs[or_nobj].cap = cap;
  or_objs[or_nobj].lo = (char *)lo;
  or_objs[or_nobj].hi = (char *)lo + size;
  return or_nobj++;
}
#define OR_LOCAL(id, addr, size) ((void)or_new_obj(id, OR_K_LOCAL, (void *)(addr), size, -1))
#define OR_NESTED(id, fn, cap) ((void)or_new_obj(id, OR_K_NESTED, (void *)(fn), 1, cap))

static int or_find_blk(const void *p)
{
  int i;
  for (i = or_nblk - 1; i >= 0; i--)
    if (or_blks[i].lo == (const char *)p) return i;
  return -1;
}

static void or_site(int id, void *p)
{
  int b = or_find_blk(p), o;
  if (b < 0 || !or_blks[b].live) return;
  o = or_new_obj(id, OR_K_HEAP, p, (size_t)(or_blks[b].hi - or_blks[b].lo), -1);
  or_blks[b].obj = o;
}
#define OR_SITE(id, ptr) or_site(id, (void *)(ptr))

static void *or_track(void *p, size_t n)
{
  if (!p) return p;
  if (or_nblk >= OR_MAXBLK) { or_overflow++; return p; }
  or_blks[or_nblk].lo = (char *)p;
  or_blks[or_nblk].hi = (char *)p + (n ? n : 1);
  or_blks[or_nblk].live = 1;
  or_blks[or_nblk].ghost = 0;
  or_blks[or_nblk].obj = -1;
  or_nblk++;
  return p;
}
static void *or_malloc(size_t n) { return or_track(malloc(n ? n : 1), n); }
static void *or_calloc(size_t a, size_t b) { return or_track(calloc(a ? a : 1, b ? b : 1), a * b); }
static void or_free(void *p)
{
  int b;
  if (!p) return;
  b = or_find_blk(p);
  if (b >= 0) {
    or_blks[b].live = 0;
    if (or_blks[b].obj >= 0) or_objs[or_blks[b].obj].live = 0;
  }
  /* quarantined: never given back, so no address is reused */
}
static void *or_realloc(void *p, size_t n)
{
  void *q = or_malloc(n);
  int b = p ? or_find_blk(p) : -1;
  if (q && b >= 0) {
    size_t old = (size_t)(or_blks[b].hi - or_blks[b].lo);
    memcpy(q, p, old < n ? old : n);
  }
  or_free(p);
  return q;
}
static int or_atexit(void *f)
{
  if (or_nret < 64) or_retained[or_nret++] = f;
  return 0; /* recorded, not registered: a dead trampoline must not run */
}
#define malloc(n) or_malloc(n)
#define calloc(a, b) or_calloc(a, b)
#define realloc(p, n) or_realloc(p, n)
#define free(p) or_free(p)
#define atexit(f) or_atexit((void *)(f))
#define at_quick_exit(f) or_atexit((void *)(f))
/* The other callbacks the C library keeps: recorded, never run.  */
static int or_on_exit(void *f, void *arg) { or_atexit(f); or_atexit(arg); return 0; }
static int or_key_create(unsigned *key, void *f) { *key = 0; return or_atexit(f); }
#define on_exit(f, arg) or_on_exit((void *)(f), (void *)(arg))
#define signal(s, f) ((void)(s), or_atexit((void *)(f)), (void (*)(int))0)
#define pthread_key_create(k, f) or_key_create((unsigned *)(k), (void *)(f))

/* does [lo,hi) hold an aligned word pointing into [tlo,thi)? */
static int or_holds(const char *lo, const char *hi, const char *tlo, const char *thi)
{
  uintptr_t a = ((uintptr_t)lo + sizeof(void *) - 1) & ~(uintptr_t)(sizeof(void *) - 1);
  for (; a + sizeof(void *) <= (uintptr_t)hi; a += sizeof(void *)) {
    uintptr_t v;
    memcpy(&v, (const void *)a, sizeof v);
    if (v >= (uintptr_t)tlo && v < (uintptr_t)thi) return 1;
  }
  return 0;
}
static void or_scrub(char *lo, char *hi, const char *tlo, const char *thi)
{
  uintptr_t a = ((uintptr_t)lo + sizeof(void *) - 1) & ~(uintptr_t)(sizeof(void *) - 1);
  for (; a + sizeof(void *) <= (uintptr_t)hi; a += sizeof(void *)) {
    uintptr_t v;
    memcpy(&v, (const void *)a, sizeof v);
    if (v >= (uintptr_t)tlo && v < (uintptr_t)thi) { v = 0; memcpy((void *)a, &v, sizeof v); }
  }
}

static void or_leave(const void *ret, size_t retsz)
{
  int fr = or_top(), i, j, changed;
  static int inE[OR_MAXOBJ];
  int mine[512], nm = 0;
  if (fr < 0) { or_depth--; return; }
  for (i = 0; i < or_nobj && nm < 512; i++)
    if (or_objs[i].frame == fr && or_objs[i].live) { mine[nm++] = i; inE[i] = 0; }
  for (j = 0; j < nm; j++) {
    struct or_obj *o = &or_objs[mine[j]];
    char *tlo = o->lo, *thi = o->hi;
    int id = o->id;
    if (o->kind == OR_K_NESTED) { thi = tlo + 1; }
    for (i = 0; i < or_nglb; i++)
      if (or_holds(or_glbs[i].lo, or_glbs[i].hi, tlo, thi)) { inE[mine[j]] = 1; or_add_holder(id, or_glbs[i].name); }
    for (i = 0; i < or_nret; i++)
      if ((char *)or_retained[i] >= tlo && (char *)or_retained[i] < thi) { inE[mine[j]] = 1; or_add_holder(id, "<retained>"); }
    if (ret && or_holds((const char *)ret, (const char *)ret + retsz, tlo, thi)) { inE[mine[j]] = 1; or_add_holder(id, "<return>"); }
    for (i = 0; i < or_nblk; i++) {
      int ob = or_blks[i].obj;
      if (!or_blks[i].live || or_blks[i].ghost) continue;
      if (ob >= 0 && or_objs[ob].frame == fr && or_objs[ob].live) continue; /* the frame's own: below */
      if (or_holds(or_blks[i].lo, or_blks[i].hi, tlo, thi)) { inE[mine[j]] = 1; or_add_holder(id, "<heap>"); }
    }
    for (i = 0; i < or_nobj; i++) {
      if (!or_objs[i].live || or_objs[i].frame == fr || or_objs[i].kind != OR_K_LOCAL) continue;
      if (or_holds(or_objs[i].lo, or_objs[i].hi, tlo, thi)) { inE[mine[j]] = 1; or_add_holder(id, "<outer-frame>"); }
    }
  }
  do {
    changed = 0;
    for (j = 0; j < nm; j++) {
      struct or_obj *o = &or_objs[mine[j]];
      int k;
      if (inE[mine[j]]) continue;
      for (k = 0; k < nm; k++) {
        struct or_obj *s = &or_objs[mine[k]];
        if (!inE[mine[k]] || k == j) continue;
        if (s->kind == OR_K_NESTED) {
          if (s->cap == o->id) { inE[mine[j]] = 1; or_add_holder(o->id, "<nested>"); changed = 1; break; }
          continue;
        }
        if (or_holds(s->lo, s->hi, o->lo, o->kind == OR_K_NESTED ? o->lo + 1 : o->hi)) {
          char h[24];
          snprintf(h, sizeof h, "obj%d", s->id);
          inE[mine[j]] = 1; or_add_holder(o->id, h); changed = 1; break;
        }
      }
    }
  } while (changed);
  for (j = 0; j < nm; j++) {
    struct or_obj *o = &or_objs[mine[j]];
    or_checked[o->id]++;
    if (inE[mine[j]]) or_escaped[o->id]++;
  }
  /* the frame ends */
  for (j = 0; j < nm; j++) {
    struct or_obj *o = &or_objs[mine[j]];
    if (o->kind == OR_K_HEAP) {
      int b = or_find_blk(o->lo);
      if (b >= 0 && !inE[mine[j]]) or_blks[b].ghost = 1;
      o->live = 0;
      continue;
    }
    o->live = 0;
    if (o->kind == OR_K_NESTED) {
      for (i = 0; i < or_nret; i++)
        if ((char *)or_retained[i] == o->lo) or_retained[i] = NULL;
      continue;
    }
    for (i = 0; i < or_nglb; i++) or_scrub(or_glbs[i].lo, or_glbs[i].hi, o->lo, o->hi);
    for (i = 0; i < or_nblk; i++) if (or_blks[i].live) or_scrub(or_blks[i].lo, or_blks[i].hi, o->lo, o->hi);
    for (i = 0; i < or_nobj; i++) if (or_objs[i].live && or_objs[i].kind == OR_K_LOCAL) or_scrub(or_objs[i].lo, or_objs[i].hi, o->lo, o->hi);
  }
  or_depth--;
}
#define OR_LEAVE() or_leave(NULL, 0)
#define OR_LEAVE_RET(addr, size) or_leave(addr, size)
/* a probe: a fresh block passed as a parameter is an object of a pseudo
   frame that ends right after the call */
#define OR_PROBE(id, ptr) (or_enter(), or_site(id, (void *)(ptr)))
#define OR_PCHECK() or_leave(NULL, 0)
#define OR_REPORT() ((void)0)
#endif
#endif
