#include "pcn-core.h"
