#pragma once

namespace cio::sandbox {

class DataStore;
class Router;

// Maps every App API (and Track API segment) endpoint the sandbox implements to DataStore.
void registerRoutes(Router &router, DataStore &data);

} // namespace cio::sandbox
