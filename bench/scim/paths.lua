-- wrk script: requests the paths listed in the file named by PATHS, round robin, with a bearer token.
local paths = {}
local n = 0
init = function(args)
  for line in io.lines(os.getenv("PATHS")) do
    paths[#paths + 1] = line
  end
  n = math.random(#paths)
end
request = function()
  n = n % #paths + 1
  return wrk.format("GET", paths[n], {["Authorization"] = "Bearer " .. os.getenv("TOKEN")})
end
