#include "pcn-store.h"
