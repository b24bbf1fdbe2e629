/* placeholder until the importer lands */
#include "pcn-staff-csv.h"
