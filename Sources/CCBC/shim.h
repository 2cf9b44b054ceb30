// The C interface of COIN-OR CBC 2.10 (libCbcSolver, EPL-2.0). pkg-config's `cbc` puts its
// include/coin directory on the path. `Cbc_Model` is a `void` typedef here, so Swift sees
// the model handle as an UnsafeMutableRawPointer; only the Solver module uses it.
#include <Cbc_C_Interface.h>
