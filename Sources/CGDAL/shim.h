// The C interface of GDAL/OGR 3.6 (Debian's libgdal-dev, MIT/X). pkg-config's `gdal` puts
// /usr/include/gdal on the path. Only the GeoIO module uses it.
#include <gdal.h>
#include <gdal_utils.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
