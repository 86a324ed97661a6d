/* Goto loops, switch on every integer type, case ranges, Duff's device,
   jumps into blocks, switches with declarations, loops of every shape.  */

extern void sink (void *);

enum color { RED, GREEN = 5, BLUE = -3 };

int
ct_goto_loop (int *p, int n)
{
  int i = 0, s = 0;
top:
  if (i >= n)
    goto done;
  s += p[i++];
  goto top;
done:
  return s;
}

/* Backward and forward gotos interleaved, a label in a nested block.  */
int
ct_spaghetti (int x)
{
  int r = 0;
  goto middle;
start:
  r += 1;
  if (r > 10)
    goto end;
middle:
  {
    int local = x + r;
    int *p = &local;
  inner:
    r += *p & 1;
    if (r < 5)
      goto inner;
  }
  if (x-- > 0)
    goto start;
end:
  return r;
}

/* switch on char, short, unsigned long long, enum, _Bool, and a
   pointer-derived integer; case ranges (GNU).  */
int
ct_switch_all (char c, short s, unsigned long long u, enum color e, _Bool b, int *p)
{
  int r = 0;
  switch (c)
    {
    case 'a' ... 'z': r += 1; break;
    case '0' ... '9': r += 2; break;
    default: r += 3;
    }
  switch (s)
    {
    case -32768: r += 4; break;
    case 32767: r += 5; break;
    }
  switch (u)
    {
    case 0xffffffffffffffffULL: r += 6; break;
    case 1 ... 100: r += 7; break;
    }
  switch (e)
    {
    case RED: r += 8; break;
    case GREEN: r += 9; break;
    case BLUE: r += 10; break;
    }
  switch (b)
    {
    case 0: r += 11; break;
    case 1: r += 12; break;
    }
  switch ((__UINTPTR_TYPE__) p & 3)
    {
    case 0: r += 13; break;
    default: r += 14; break;
    }
  return r;
}

/* Duff's device: case labels inside a do-while.  */
void
ct_duff (char *to, const char *from, int count)
{
  int n = (count + 7) / 8;
  if (count <= 0)
    return;
  switch (count % 8)
    {
    case 0: do { *to++ = *from++;
    case 7:      *to++ = *from++;
    case 6:      *to++ = *from++;
    case 5:      *to++ = *from++;
    case 4:      *to++ = *from++;
    case 3:      *to++ = *from++;
    case 2:      *to++ = *from++;
    case 1:      *to++ = *from++;
               } while (--n > 0);
    }
}

/* Declarations jumped over by case labels; a switch without braces; a
   switch selecting which local's address escapes.  */
void *ct_global;

int
ct_switch_decls (int k)
{
  int a = 1, b = 2, c = 3;
  switch (k)
    {
      int hidden;		/* never initialised: jumped over */
    case 0:
      hidden = 4;
      ct_global = &a;
      return hidden;
    case 1:
      ct_global = &b;
      /* fall through */
    case 2:
      {
        int inner = c;
        ct_global = &inner;	/* dangling after the block */
        break;
      }
    }
  switch (k) case 5: k++;
  return k;
}

/* Nested switches inside loops, with continue and break at every level.  */
int
ct_nested (const int *v, int n)
{
  int s = 0;
  for (int i = 0; i < n; i++)
    {
      switch (v[i] & 3)
        {
        case 0:
          continue;
        case 1:
          for (int j = 0; j < v[i]; j++)
            switch (j & 1)
              {
              case 0: s++; break;
              default: if (s > 100) goto out; continue;
              }
          break;
        case 2:
          while (s < v[i])
            s += 2;
          break;
        default:
          do s--; while (s > 0 && (s & 7));
        }
    }
out:
  return s;
}

/* A switch on a huge sparse set and on a dense set (jump table).  */
int
ct_tables (unsigned x)
{
  switch (x)
    {
    case 1: return 10; case 2: return 20; case 3: return 30;
    case 4: return 40; case 5: return 50; case 6: return 60;
    case 7: return 70; case 8: return 80; case 9: return 90;
    case 1000: return 1; case 100000: return 2; case 10000000: return 3;
    default: return -1;
    }
}

/* An infinite loop left only by return, and an empty loop body.  */
int
ct_forever (int *p)
{
  for (;;)
    {
      if (*p > 100)
        return *p;
      (*p)++;
    }
}

void
ct_empty_loops (int n)
{
  int i;
  for (i = 0; i < n; i++)
    ;
  while (n-- > 0)
    {
    }
  sink (&i);
}
