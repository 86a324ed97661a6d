#include <stdio.h>
#include "counter.h"

int main(void)
{
  printf("%d %d\n", count_up(5), sum_squares(4));
  reset();
  return 0;
}
