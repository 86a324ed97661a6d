/* Rule 1: a local's address that is returned outlives the frame.
   The plain "return &i" GCC warns about itself: no second warning.  */
/* { dg-options "-O0" } */

struct pair { int *a, *b; };

int *direct(void)
{
  int i = 1;
  return &i; /* { dg-warning "function returns address of local variable \\\[-Wreturn-local-addr\\\]$" } */
}

int *through_temp(void)
{
  int j = 2;		/* { dg-message "'j' declared here$" } */
  int *p = &j;
  int *q = p;
  return q;		/* { dg-warning "address of local variable 'j' escapes: returned from 'through_temp' \\\[escape/dangling-address\\\]$" } */
}

int *conditional(int c)
{
  int k = 3, l = 4;	/* { dg-messages { "'k' declared here$" "'l' declared here$" } } */
  int *p = c ? &k : &l;
  return p;		/* { dg-warnings { "address of local variable 'k' escapes: returned from 'conditional' \\\[escape/dangling-address\\\]$" "address of local variable 'l' escapes: returned from 'conditional' \\\[escape/dangling-address\\\]$" } } */
}

struct pair by_value(void)
{
  int m = 5;		/* { dg-message "'m' declared here$" } */
  struct pair r;
  r.a = &m;
  r.b = 0;
  return r;		/* { dg-warning "address of local variable 'm' escapes: returned from 'by_value' \\\[escape/dangling-address\\\]$" } */
}

int *element(void)
{
  int arr[4] = {0};	/* { dg-message "'arr' declared here$" } */
  int *p = &arr[2];
  return p;		/* { dg-warning "address of local variable 'arr' escapes: returned from 'element' \\\[escape/dangling-address\\\]$" } */
}

/* Negative: values and addresses that do not outlive the frame.  */
int value(void)
{
  int n = 6;
  int *p = &n;
  return *p;
}

int *param_passthrough(int *p)
{
  return p;
}

int sum(void)
{
  int o = 7;
  int *p = &o;
  int **pp = &p;
  return **pp;
}

static int counter;
int *static_local(void)
{
  static int s;
  (void)counter;
  return &s;		/* statics live forever */
}
