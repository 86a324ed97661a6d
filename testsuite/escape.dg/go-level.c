/* Port of Go's test/escape_level.go: indirection levels.
   Go's "sink interface{}" is a C global "void *sink".  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */

void *sink;
int isink;

void level0(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p0 = &i;	/* { dg-message "moved to heap: p0$" "" } */
  int **p1 = &p0;	/* { dg-message "moved to heap: p1$" "" } */
  int ***p2 = &p1;	/* { dg-message "moved to heap: p2$" "" } */
  /* { dg-message "'p2' declared here$" "c-only" { target *-*-* } .-1 } */
  sink = &p2;	/* { dg-warning "address of local variable 'p2' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void level1(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p0 = &i;	/* { dg-message "moved to heap: p0$" "" } */
  int **p1 = &p0;	/* { dg-message "moved to heap: p1$" "" } */
  /* { dg-message "'p1' declared here$" "c-only" { target *-*-* } .-1 } */
  int ***p2 = &p1;
  sink = p2;	/* { dg-warning "address of local variable 'p1' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void level2(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p0 = &i;	/* { dg-message "moved to heap: p0$" "" } */
  /* { dg-message "'p0' declared here$" "c-only" { target *-*-* } .-1 } */
  int **p1 = &p0;
  int ***p2 = &p1;
  sink = *p2;	/* { dg-warning "address of local variable 'p0' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void level3(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  /* { dg-message "'i' declared here$" "c-only" { target *-*-* } .-1 } */
  int *p0 = &i;
  int **p1 = &p0;
  int ***p2 = &p1;
  sink = **p2;	/* { dg-warning "address of local variable 'i' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void level4(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p0 = &i;	/* { dg-message "moved to heap: p0$" "" } */
  int **p1 = &p0;
  int **p2 = p1;	/* { dg-message "moved to heap: p2$" "" } */
  /* { dg-message "'p2' declared here$" "c-only" { target *-*-* } .-1 } */
  sink = &p2;	/* { dg-warning "address of local variable 'p2' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void level5(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p0 = &i;	/* { dg-message "moved to heap: p0$" "" } */
  /* { dg-message "'p0' declared here$" "c-only" { target *-*-* } .-1 } */
  int **p1 = &p0;
  int **p2 = p1;
  sink = p2;	/* { dg-warning "address of local variable 'p0' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void level6(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  /* { dg-message "'i' declared here$" "c-only" { target *-*-* } .-1 } */
  int *p0 = &i;
  int **p1 = &p0;
  int **p2 = p1;
  sink = *p2;	/* { dg-warning "address of local variable 'i' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void level7(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p0 = &i;
  int **p1 = &p0;
  int *p2 = *p1;	/* { dg-message "moved to heap: p2$" "" } */
  /* { dg-message "'p2' declared here$" "c-only" { target *-*-* } .-1 } */
  sink = &p2;	/* { dg-warning "address of local variable 'p2' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void level8(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  /* { dg-message "'i' declared here$" "c-only" { target *-*-* } .-1 } */
  int *p0 = &i;
  int **p1 = &p0;
  int *p2 = *p1;
  sink = p2;	/* { dg-warning "address of local variable 'i' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" } */
}

/* level9, level10: Go stores an int into the interface (a boxing
   allocation, "*p2 escapes to heap"); C stores the value itself.  */
void level9(void)
{
  int i = 0;
  int *p0 = &i;
  int **p1 = &p0;
  int *p2 = *p1;
  isink = *p2;
  /* go-noc: "*p2 escapes to heap" (boxing an int into an interface; C copies the int) */
}

void level10(void)
{
  int i = 0;
  int *p0 = &i;
  int p1 = *p0;
  int *p2 = &p1;
  isink = *p2;
  /* go-noc: "*p2 escapes to heap" (boxing an int into an interface; C copies the int) */
}

void level11(void)
{
  int i = 0;
  int *p0 = &i;
  int **p1 = &p0;
  int p2 = **p1;	/* { dg-message "moved to heap: p2$" "" } */
  /* { dg-message "'p2' declared here$" "c-only" { target *-*-* } .-1 } */
  sink = &p2;	/* { dg-warning "address of local variable 'p2' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" } */
}
