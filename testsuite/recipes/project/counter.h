#ifndef COUNTER_H
#define COUNTER_H
int count_up(int n);
int sum_squares(int n);
void reset(void);
#endif
