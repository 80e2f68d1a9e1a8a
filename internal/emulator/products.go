package emulator

// products are the Twilio products the emulator serves, one file each: a
// new product is its file and its line here.
var products = []product{chatProduct, conversationsProduct, flexProduct, taskRouterProduct, serverlessProduct, studioProduct}

// allRoutes are every product's routes, as serveHTTP matches them.
var allRoutes = routesOf(products)
