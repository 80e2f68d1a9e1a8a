package emulator

// products are the Twilio products the emulator serves, one file each.
var products = []product{chatProduct, conversationsProduct, flexProduct}

// allRoutes are every product's routes, as serveHTTP matches them.
var allRoutes = routesOf(products)
