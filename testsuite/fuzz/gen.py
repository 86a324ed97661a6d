#!/usr/bin/env python3
"""Escape fuzzer: random C program generator (Python 3 stdlib only).

    gen.py SEED [--scenarios N] [--known] [--variable-sizes]

--variable-sizes: the leaf allocations take their size from a call the
analysis cannot see through (fz_size, noipa), half of them above the
32-byte buffer of Go 1.25's rule, so that promote's buffer and its heap
fallback both run; the random choices, and so the program's shape, are
those of the same seed without it.

Deterministic per seed.  A program is a list of independent *scenarios*
(one small chain of functions each), bracketed by /*@BEGIN n*/ ... /*@END n*/
and called from main on lines tagged /*@CALL n*/, so the reducer can drop
them.  In each scenario a pointer to an object (an address-taken local or a
fresh malloc/calloc block) is created in the top function, travels through
random transforms (assignments, casts, uintptr_t, struct fields and copies,
arrays, unions, memcpy/memmove/byte loops, char buffers, calls to generated
functions, function pointers, recursion, varargs, GNU nested functions,
loops) and down a chain of calls, and ends kept (global, live heap block,
returned to a caller that keeps it, retained by atexit) or dropped.

Objects carry an id and are registered through oracle.h macros that are
empty unless -DESCAPE_ORACLE; the driver (run.py) finds them in the text:
  OR_LOCAL(ID, &NAME, ...)   a local; plugin key: NAME ("moved to heap")
  ... /*@S ID*/              an allocation site on that line
  ... /*@P ID*/              a probe block in main passed as parameter pID
  OR_NESTED(ID, NAME, CAP)   a nested function's trampoline
Every chain function but the top one takes 'void *pID' and is probed from
main with a fresh block: its "does not escape" claim is checked.
"""
import random
import sys

GLOBALS = [
    ("void *", "g0", ""), ("void *", "g1", ""), ("uintptr_t ", "gi", ""),
    ("struct box ", "gbox", ""), ("union pun ", "gu", ""),
    ("void *", "garr", "[4]"), ("struct node *", "ghead", ""),
    ("char ", "gbuf", "[32]"),
]

PRELUDE = r'''#include "oracle.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <signal.h>
#include <pthread.h>
struct box { void *p; long n; };
union pun { void *p; uintptr_t i; char c[sizeof(void *)]; };
struct node { void *p; struct node *next; };
struct bits { uintptr_t lo : 32; uintptr_t hi : 32; };
typedef uintptr_t vec2 __attribute__((vector_size(2 * sizeof(uintptr_t))));
'''
VARIABLE_PRELUDE = '''__attribute__((noipa)) static size_t fz_size(size_t n) { return n; }
'''


class Gen:
    def __init__(self, seed, nscen, known, variable=False):
        self.r = random.Random(seed)
        self.nscen = nscen
        self.known = known
        self.variable = variable
        self.next_id = 1
        self.names = 0

    def nid(self):
        i = self.next_id
        self.next_id += 1
        return i

    def name(self, base):
        self.names += 1
        return "%s%d" % (base, self.names)

    # ---- transforms: value in variable v (void *) -> new variable --------
    def transform(self, v, body, scen, fdecls):
        r = self.r
        k = r.randrange(25)
        t = self.name("t")
        if k == 0:
            body.append("void *%s = %s;" % (t, v))
        elif k == 1:
            body.append("char *%s = (char *)(void *)%s;" % (t, v))
        elif k == 2:
            i = self.name("i")
            body.append("uintptr_t %s = (uintptr_t)%s;" % (i, v))
            body.append("void *%s = (void *)%s;" % (t, i))
        elif k == 3:
            b = self.name("sb")
            bid = self.nid()
            body.append("struct box %s; OR_LOCAL(%d, &%s, sizeof %s);" % (b, bid, b, b))
            body.append("%s.p = %s; %s.n = 1;" % (b, v, b))
            if r.random() < 0.5:
                c = self.name("sc")
                body.append("struct box %s;" % c)
                if r.random() < 0.5:
                    body.append("%s = %s;" % (c, b))
                else:
                    body.append("memcpy(&%s, &%s, sizeof %s);" % (c, b, b))
                body.append("void *%s = %s.p;" % (t, c))
            else:
                body.append("void *%s = %s.p;" % (t, b))
        elif k == 4:
            a = self.name("ar")
            j = r.randrange(3)
            body.append("void *%s[3] = {0};" % a)
            body.append("%s[%d] = %s;" % (a, j, v))
            body.append("void *%s = %s[%d];" % (t, a, j))
        elif k == 5:
            u, w = self.name("u"), self.name("w")
            body.append("union pun %s, %s;" % (u, w))
            body.append("%s.p = %s;" % (u, v))
            body.append("%s.i = %s.i;" % (w, u))
            body.append("void *%s = %s.p;" % (t, w))
        elif k == 6:
            body.append("void *%s;" % t)
            body.append("%s(&%s, &%s, sizeof %s);" % (r.choice(["memcpy", "memmove", "__builtin_memcpy"]), t, v, v))
        elif k == 7:
            buf = self.name("cb")
            bid = self.nid()
            body.append("char %s[sizeof(void *)]; OR_LOCAL(%d, &%s, sizeof %s);" % (buf, bid, buf, buf))
            body.append("memcpy(%s, &%s, sizeof %s);" % (buf, v, v))
            body.append("void *%s;" % t)
            body.append("memmove(&%s, %s, sizeof %s);" % (t, buf, t))
        elif k == 8:
            body.append("void *%s;" % t)
            body.append("for (size_t k = 0; k < sizeof %s; k++) ((char *)&%s)[k] = ((char *)&%s)[k];" % (v, t, v))
        elif k == 9:
            f = self.name("ident")
            fdecls.append("void *%s(void *q) { return q; }" % f)
            body.append("void *%s = %s(%s);" % (t, f, v))
        elif k == 10:
            f, fp = self.name("ident"), self.name("fp")
            fdecls.append("void *%s(void *q) { return q; }" % f)
            body.append("void *(*%s)(void *) = %s;" % (fp, f))
            body.append("void *%s = %s(%s);" % (t, fp, v))
        elif k == 11:
            f = self.name("vpick")
            fdecls.append("void *%s(int n, ...) { va_list ap; va_start(ap, n); void *r = 0; "
                          "for (int k = 0; k < n; k++) r = va_arg(ap, void *); va_end(ap); return r; }" % f)
            body.append("void *%s = %s(2, (void *)0, %s);" % (t, f, v))
        elif k == 12:
            f = self.name("rec")
            fdecls.append("void *%s(void *q, int d) { if (d > 0) return %s(q, d - 1); return q; }" % (f, f))
            body.append("void *%s = %s(%s, 3);" % (t, f, v))
        elif k == 13:
            nf = self.name("nf")
            body.append("void *%s(void) { return %s; }" % (nf, v))
            body.append("void *%s = %s();" % (t, nf))
        elif k == 14:
            body.append("void *%s = 0;" % t)
            body.append("for (int k = 0; k < 3; k++) if (k == 1) %s = %s;" % (t, v))
        elif k == 15:
            body.append("void *%s = (%s != 0) ? %s : (void *)0;" % (t, v, v))
        elif k == 16:
            h = self.name("hb")
            sid = self.nid()
            body.append("struct box *%s = malloc(sizeof(struct box)); /*@S %d*/" % (h, sid))
            body.append("OR_SITE(%d, %s);" % (sid, h))
            body.append("%s->p = %s; %s->n = 0;" % (h, v, h))
            body.append("void *%s = %s->p;" % (t, h))
            if r.random() < 0.6:
                body.append("free(%s);" % h)
        elif k == 17:
            u = self.name("u")
            body.append("union pun %s;" % u)
            body.append("%s.p = %s;" % (u, v))
            body.append("void *%s = 0;" % t)
            body.append("for (size_t k = 0; k < sizeof %s.c; k++) ((char *)&%s)[k] = %s.c[k];" % (u, t, u))
        elif k == 19:
            # the pointer's bytes in an integer, passed as a variadic uintptr_t
            f, i, j = self.name("vpicku"), self.name("i"), self.name("j")
            fdecls.append("uintptr_t %s(int n, ...) { va_list ap; va_start(ap, n); uintptr_t r = 0; "
                          "for (int k = 0; k < n; k++) r = va_arg(ap, uintptr_t); va_end(ap); return r; }" % f)
            body.append("uintptr_t %s; memcpy(&%s, &%s, sizeof %s);" % (i, i, v, i))
            body.append("uintptr_t %s = %s(2, (uintptr_t)0, %s);" % (j, f, i))
            body.append("void *%s; memcpy(&%s, &%s, sizeof %s);" % (t, t, j, t))
        elif k == 20:
            a = self.name("at")
            if r.random() < 0.5:
                body.append("void *%s; __atomic_store_n(&%s, %s, __ATOMIC_SEQ_CST);" % (a, a, v))
                body.append("void *%s = __atomic_load_n(&%s, __ATOMIC_SEQ_CST);" % (t, a))
            else:
                b = self.name("ax")
                body.append("void *%s = 0; void *%s = __atomic_exchange_n(&%s, %s, __ATOMIC_SEQ_CST);" % (a, b, a, v))
                body.append("void *%s = 0; __atomic_compare_exchange_n(&%s, &%s, %s, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);" % (t, t, t, a))
        elif k == 21:
            vv, ww = self.name("vv"), self.name("ww")
            body.append("vec2 %s = {0, 0}; memcpy(&%s, &%s, sizeof %s);" % (vv, vv, v, v))
            body.append("vec2 %s = %s + (vec2){0, 0};" % (ww, vv))
            body.append("void *%s; memcpy(&%s, &%s, sizeof %s);" % (t, t, ww, t))
        elif k == 22:
            i, b, j = self.name("i"), self.name("bf"), self.name("j")
            body.append("uintptr_t %s; memcpy(&%s, &%s, sizeof %s);" % (i, i, v, i))
            body.append("struct bits %s; %s.lo = %s; %s.hi = %s >> 32;" % (b, b, i, b, i))
            body.append("uintptr_t %s = %s.lo | ((uintptr_t)%s.hi << 32);" % (j, b, b))
            body.append("void *%s; memcpy(&%s, &%s, sizeof %s);" % (t, t, j, t))
        elif k == 23:
            body.append("void *%s;" % t)
            body.append('__asm__("" : "=r"(%s) : "0"(%s));' % (t, v))
        elif k == 24:
            d, e = self.name("d"), self.name("e")
            body.append("double %s; memcpy(&%s, &%s, sizeof %s);" % (d, d, v, d))
            body.append("double %s = %s;" % (e, d))
            body.append("void *%s; memcpy(&%s, &%s, sizeof %s);" % (t, t, e, t))
        else:
            f = self.name("strcp")
            # pointer bytes through strncpy-free path: memcpy into a heap byte buffer
            h = self.name("bb")
            sid = self.nid()
            body.append("char *%s = malloc(16); /*@S %d*/" % (h, sid))
            body.append("OR_SITE(%d, %s);" % (sid, h))
            body.append("memcpy(%s, &%s, sizeof %s);" % (h, v, v))
            body.append("void *%s;" % t)
            body.append("memcpy(&%s, %s, sizeof %s);" % (t, h, t))
            body.append("free(%s);" % h)
        return t

    # ---- sinks -----------------------------------------------------------
    def sink(self, v, body, fdecls):
        r = self.r
        k = r.randrange(19)
        if k == 0:
            body.append("%s = %s;" % (r.choice(["g0", "g1"]), v))
        elif k == 1:
            body.append("gbox.p = %s;" % v)
        elif k == 2:
            body.append("garr[%d] = %s;" % (r.randrange(4), v))
        elif k == 3:
            body.append("gi = (uintptr_t)%s;" % v)
        elif k == 4:
            body.append("%s(&%s, &%s, sizeof %s);" % (r.choice(["memcpy", "memmove"]), r.choice(["g0", "g1"]), v, v))
        elif k == 5:
            u = self.name("u")
            body.append("union pun %s; %s.p = %s;" % (u, u, v))
            body.append("gu.i = %s.i;" % u)
        elif k == 6:
            body.append("memcpy(gbuf + %d, &%s, sizeof %s);" % (8 * r.randrange(3), v, v))
        elif k == 7:
            b = self.name("sb")
            body.append("struct box %s; %s.p = %s; %s.n = 0;" % (b, b, v, b))
            body.append("memcpy(&gbox, &%s, sizeof %s);" % (b, b))
        elif k == 8:
            n = self.name("nd")
            sid = self.nid()
            body.append("struct node *%s = malloc(sizeof(struct node)); /*@S %d*/" % (n, sid))
            body.append("OR_SITE(%d, %s);" % (sid, n))
            body.append("%s->p = %s; %s->next = ghead; ghead = %s;" % (n, v, n, n))
        elif k == 9:
            f = self.name("keep")
            fdecls.append("void %s(void *q) { g1 = q; }" % f)
            body.append("%s(%s);" % (f, v))
        elif k == 10:
            n = self.name("nd")
            sid = self.nid()
            body.append("struct node *%s = calloc(1, sizeof(struct node)); /*@S %d*/" % (n, sid))
            body.append("OR_SITE(%d, %s);" % (sid, n))
            body.append("memcpy(&%s->p, &%s, sizeof %s); %s->next = ghead; ghead = %s;" % (n, v, v, n, n))
        elif k == 11:
            f = self.name("drop")
            fdecls.append("long %s(void *q) { return q != 0; }" % f)
            body.append("(void)%s(%s);" % (f, v))
        elif k == 12:
            n = self.name("lb")
            sid = self.nid()
            body.append("struct node *%s = malloc(sizeof(struct node)); /*@S %d*/" % (n, sid))
            body.append("OR_SITE(%d, %s);" % (sid, n))
            body.append("%s->p = %s; %s->next = 0;" % (n, v, n))
            body.append("free(%s);" % n)
        elif k == 13:
            f = self.name("vkeep")
            fdecls.append("void %s(int n, ...) { va_list ap; va_start(ap, n); g0 = va_arg(ap, void *); va_end(ap); }" % f)
            body.append("%s(1, %s);" % (f, v))
        elif k == 16:
            f, i = self.name("vkeepu"), self.name("i")
            fdecls.append("void %s(int n, ...) { va_list ap; va_start(ap, n); gi = va_arg(ap, uintptr_t); va_end(ap); }" % f)
            body.append("uintptr_t %s; memcpy(&%s, &%s, sizeof %s);" % (i, i, v, i))
            body.append("%s(1, %s);" % (f, i))
        elif k == 17:
            body.append("__atomic_store_n(&%s, %s, __ATOMIC_SEQ_CST);" % (r.choice(["g0", "g1"]), v))
        elif k == 18:
            i = self.name("i")
            body.append("uintptr_t %s; memcpy(&%s, &%s, sizeof %s);" % (i, i, v, i))
            body.append("__atomic_store_n(&gi, %s, __ATOMIC_SEQ_CST);" % i)
        else:
            body.append("(void)%s;" % v)

    # ---- a source object in the top function --------------------------------
    def source(self, body):
        r = self.r
        k = r.randrange(5)
        oid = self.nid()
        v = self.name("v")
        if k == 0:
            x = self.name("x")
            body.append("long %s = %d; OR_LOCAL(%d, &%s, sizeof %s);" % (x, oid, oid, x, x))
            body.append("void *%s = &%s;" % (v, x))
        elif k == 1:
            x = self.name("a")
            body.append("char %s[16] = {0}; OR_LOCAL(%d, &%s, sizeof %s);" % (x, oid, x, x))
            body.append("void *%s = %s + %d;" % (v, x, r.randrange(2) * 8))
        elif k == 2:
            x = self.name("s")
            body.append("struct box %s = {0, 0}; OR_LOCAL(%d, &%s, sizeof %s);" % (x, oid, x, x))
            body.append("void *%s = &%s.n;" % (v, x))
        elif k == 3:
            n = r.choice([8, 16, 24, 32])
            size = "fz_size(%d)" % (n if n < 24 else 2 * n) if self.variable else str(n)
            body.append("void *%s = malloc(%s); /*@S %d*/" % (v, size, oid))
            body.append("OR_SITE(%d, %s);" % (oid, v))
        else:
            c = r.choice([1, 2, 4])
            count = "fz_size(%d)" % (3 * c) if self.variable else str(c)
            body.append("void *%s = calloc(%s, 8); /*@S %d*/" % (v, count, oid))
            body.append("OR_SITE(%d, %s);" % (oid, v))
        return v, k >= 3

    def scenario(self, n):
        r = self.r
        fdecls = []
        funcs = []
        depth = r.randrange(1, 4)
        probes = []
        # functions from the bottom up: level L takes pID, returns void *
        callee = None
        for lvl in range(depth - 1, 0, -1):
            pid = self.nid()
            p = "p%d" % pid
            fn = "s%d_%d" % (n, lvl)
            body = ["OR_ENTER();"]
            v = p
            for _ in range(r.randrange(0, 4)):
                v = self.transform(v, body, n, fdecls)
            ret = "0"
            act = r.random()
            if callee and act < 0.5:
                res = self.name("r")
                if r.random() < 0.3:
                    fp = self.name("fp")
                    body.append("void *(*%s)(void *) = %s;" % (fp, callee))
                    body.append("void *%s = %s(%s);" % (res, fp, v))
                else:
                    body.append("void *%s = %s(%s);" % (res, callee, v))
                v = res
            if r.random() < 0.5:
                self.sink(v, body, fdecls)
            if r.random() < 0.4:
                ret = v
            rv = self.name("rv")
            body.append("void *%s = %s; OR_LEAVE_RET(&%s, sizeof %s);" % (rv, ret, rv, rv))
            body.append("return %s;" % rv)
            funcs.append(("void *%s(void *%s)" % (fn, p), body))
            probes.append((pid, fn))
            callee = fn
        # top
        fn = "s%d_0" % n
        body = ["OR_ENTER();"]
        v, heap = self.source(body)
        src = v
        for _ in range(r.randrange(0, 4)):
            v = self.transform(v, body, n, fdecls)
        if callee and r.random() < 0.8:
            res = self.name("r")
            body.append("void *%s = %s(%s);" % (res, callee, v))
            v = res
        if r.random() < 0.1:
            # the nested-function-retained-by-the-library shape
            nf = self.name("nfk")
            nid = self.nid()
            cap = self.name("c")
            capid = self.nid()
            body.append("void *%s = %s; OR_LOCAL(%d, &%s, sizeof %s);" % (cap, v, capid, cap, cap))
            how = r.randrange(5)
            sig, reg = [("void %s(void)", "atexit(%s);"), ("void %s(void)", "at_quick_exit(%s);"),
                        ("void %s(int st, void *arg)", "on_exit(%s, 0);"),
                        ("void %s(int sig)", "signal(SIGUSR2, %s);"),
                        ("void %s(void *arg)", "{ pthread_key_t key; pthread_key_create(&key, %s); }")][how]
            body.append((sig + " { g0 = %s; }") % (nf, cap))
            body.append("OR_NESTED(%d, %s, %d);" % (nid, nf, capid))
            body.append(reg % nf)
        elif r.random() < 0.6:
            self.sink(v, body, fdecls)
        if heap and r.random() < 0.3:
            body.append("if (%s != g0 && %s != g1) free(%s);" % (src, src, src) if False else "free(%s);" % src)
            # freeing a kept block: a dangling pointer; the oracle drops it
        body.append("OR_LEAVE();")
        funcs.append(("void %s(void)" % fn, body))
        out = ["/*@BEGIN %d*/" % n]
        out += fdecls
        for sig, b in funcs:
            out.append(sig)
            out.append("{")
            out += ["  " + l for l in b]
            out.append("}")
        out.append("/*@END %d*/" % n)
        calls = ["  %s(); /*@CALL %d*/" % (fn, n)]
        for pid, f in probes:
            pb = "pb%d" % pid
            calls.append("  { void *%s = malloc(16); OR_PROBE(%d, %s); (void)%s(%s); OR_PCHECK(); free(%s); } /*@CALL %d*/ /*@P %d*/"
                         % (pb, pid, pb, f, pb, pb, n, pid))
        return out, calls

    def program(self):
        lines = [PRELUDE] + ([VARIABLE_PRELUDE] if self.variable else [])
        for t, n, dim in GLOBALS:
            lines.append("%s%s%s;" % (t, n, dim))
        calls = []
        for n in range(self.nscen):
            o, c = self.scenario(n)
            lines += o
            calls += c
        lines.append("int main(void)")
        lines.append("{")
        for t, n, dim in GLOBALS:
            lines.append('  OR_GLOBAL("%s", &%s, sizeof %s);' % (n, n, n))
        lines += calls
        lines.append("  return 0;")
        lines.append("}")
        return "\n".join(lines) + "\n"


def main():
    a = sys.argv[1:]
    seed = int(a[0])
    nscen = 4
    if "--scenarios" in a:
        nscen = int(a[a.index("--scenarios") + 1])
    sys.stdout.write(Gen(seed, nscen, "--known" in a, "--variable-sizes" in a).program())


if __name__ == "__main__":
    main()
