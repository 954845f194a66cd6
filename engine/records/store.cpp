// Placeholder until the records store lands.
#include "records/store.hpp"
