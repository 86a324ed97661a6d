/* summary.h - summaries=DIR, shared by summary.c (what a summary says,
   writing one, using one) and summary-dir.c (the directory: its files,
   their index).  Not for the rest of the core.  */
#ifndef ESCAPE_SUMMARY_H
#define ESCAPE_SUMMARY_H

#include "core.h"

#define ESC_SUM_MAGIC "escape-summaries 4"
#define ESC_SUM_INDEX_MAGIC "escape-summary-index 4"

/* A file a unit read (its main file, a header), as it was then.  */
struct esc_sum_file {
  const char *path;              /* interned */
  long long sec, size;
  long nsec;
  int8_t same;                   /* -1 not looked at yet; 1 unchanged */
};

/* A function of another unit whose summary a unit's summaries rest on,
   with the hash of the record it read.  */
struct esc_sum_use {
  const char *name;
  uint64_t hash;
  int def;                       /* in a unit file, once valid() looked:
                                    the definition it resolves to (-1:
                                    none, -2: several) */
};

/* One function's record in a unit file.  Its tags and spec are there
   only once the unit file itself was read (the index has the rest).  */
struct esc_sum_rec {
  const char *name;
  uint64_t hash;                 /* of the record: what users record */
  uint64_t decl;                 /* the writer's prototype hash */
  unsigned nparams;
  struct esc_tag *tags;          /* nparams + 1, or NULL */
  bool has_spec;
  struct esc_spec spec;
};

/* A unit file, DIR/UNITHASH.CONTENTHASH.esc: UNITHASH hashes the
   writer's main file path, CONTENTHASH the file's bytes, so the file's
   name alone says which functions it defines and what they rest on.  */
struct esc_sum_unit {
  const char *file;              /* its name in DIR, interned */
  uint64_t unit_hash;
  uint64_t args;                 /* the writer's plugin arguments, hashed */
  const char *from;              /* the writer's main file */
  unsigned *files, nfiles;       /* into esc_sum_dir.files */
  struct esc_sum_use *uses;
  unsigned nuses;
  char *raw_files, *raw_uses;    /* the index's lines for them, until
                                    the unit is looked at (esc_sum_deps) */
  struct esc_sum_rec *recs;
  unsigned nrecs;
  bool read;                     /* recs carry their tags */
  bool bad;                      /* damaged: defines names, no summary */
  int8_t local;                  /* -1 not known; 0/1: files unchanged */
  int8_t state;                  /* validity: 0 not known, 1 being
                                    decided, 2 valid, 3 not */
  const char *why;               /* why not, when not */
};

/* The directory as one compile sees it: its unit files in name order
   (so by UNITHASH), the files they read, and who defines which name.  */
struct esc_sum_dir {
  struct esc_sum_unit *units;
  unsigned nunits, units_cap;
  struct esc_sum_file *files;
  unsigned nfiles, files_cap;
  uint64_t *file_keys;           /* open hash: file table dedup */
  unsigned *file_ids, file_slots;
  struct esc_sum_def {           /* name -> (unit, record), chained */
    const char *name;
    unsigned unit, rec;
    int next;
  } *defs;
  unsigned ndefs, defs_cap;
  int *name_heads;               /* open hash of names -> first def */
  unsigned name_slots;
  struct esc_sum_stat {          /* stat() once per path: open hash */
    const char *path;            /* interned; NULL: an empty slot */
    bool exists;
    long long sec, size;
    long nsec;
  } *stats;
  unsigned nstats, stat_slots;
  char **texts;                  /* the index (and damaged files): names
                                    and raw lines point into them */
  unsigned ntexts, texts_cap;
  char **plines;                 /* the index's file lines, by its id */
  int *pids;                     /* and their entries here (-1: not yet) */
  unsigned nplines, plines_cap;
  bool loaded;                   /* the directory was read */
};

/* summary-dir.c */
/* U's summaries= directory, not read yet (for its stat cache).  */
struct esc_sum_dir *esc_sum_dir_get(struct esc_unit *u);
/* The directory of U's summaries= as it is now: its unit files listed,
   the index read, the files it lacks read (and the index written back
   once it is a few files behind).  Never NULL.  */
struct esc_sum_dir *esc_sum_dir_load(struct esc_unit *u);
void esc_sum_dir_free(struct esc_sum_dir *d);
/* The unit files of DIR now, sorted (NULL-terminated; free with
   esc_sum_names_free).  */
char **esc_sum_list(const char *dir);
void esc_sum_names_free(char **names);
/* Unit I's files and uses, from the index's lines (once); false when
   they are damaged (the unit is then bad).  */
bool esc_sum_deps(struct esc_unit *u, struct esc_sum_dir *d, unsigned i);
/* Read unit I's file for its tags (once); NULL or why not.  */
const char *esc_sum_read_unit(struct esc_unit *u, struct esc_sum_dir *d,
                              unsigned i);
/* Write TEXT (N bytes) to DIR/NAME through a temporary file (WHAT
   names it) renamed into place; false on failure.  */
bool esc_sum_write_file(const char *dir, const char *name, const char *what,
                        const char *text, size_t n);
/* The first definition of NAME, or -1; then .next.  */
int esc_sum_first_def(const struct esc_sum_dir *d, const char *name);
/* Is file I of the table as it was (looked at once)?  */
bool esc_sum_file_same(struct esc_sum_dir *d, unsigned i);
/* PATH's (interned) modification time and size, looked at once.  */
const struct esc_sum_stat *esc_sum_stat(struct esc_sum_dir *d, const char *path);
/* A record's hash and the unit file's, as writer and reader compute
   them (FNV-1a, 64 bits), at once or in pieces.  */
#define ESC_SUM_HASH_INIT 1469598103934665603ull
uint64_t esc_sum_hash(const char *s, size_t n);
uint64_t esc_sum_hash_more(uint64_t h, const char *s, size_t n);

#endif
