// liblinear (Debian liblinear-dev): the logistic-regression solver behind `elo train`.
#include <linear.h>
