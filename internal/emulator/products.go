package emulator

// products are the Twilio products the emulator serves, one file each.
var products = []product{chatProduct, conversationsProduct, flexProduct}

// routes are every product's routes, as serveHTTP matches them.
var routes = routesOf(products)
